// Generators of messages for property tests: fragments people type, glued together at random,
// plus arbitrary Unicode, so properties hold for inputs nobody listed.
import fc from 'fast-check';

const fragments = [
  'craniosacral therapy',
  'CST',
  'cranio-sacral',
  'cranial osteopathy',
  'craniosacarl',
  'acupuncture',
  'reiki',
  'kava',
  'zorblax therapy',
  'migraines',
  'back pain',
  'insomnia',
  'pregnant',
  'breastfeeding',
  'concussion',
  'is it safe',
  'does it help',
  'how often',
  'how much',
  'who regulates',
  'instead of my meds',
  'proven',
  'what helps',
  'hi',
  'thanks',
  'help',
  'are you a doctor',
  'chest pain',
  'I want to die',
  "can't breathe",
  '<script>alert(1)</script>',
  '**bold**',
  '🙂',
  'é',
  '\u200b',
  '\u202e',
  '?',
  '!',
  'and',
  'or',
  'my son',
  'for',
  'with',
  'the',
  'what is',
];

/** Fragments people type, glued together. */
export const fragmentMessage = fc.array(fc.constantFrom(...fragments), { minLength: 0, maxLength: 8 }).map((parts) => parts.join(' '));

export const message = fc.oneof(fragmentMessage, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }));

export const channel = fc.constantFrom('emulator', 'webchat', 'msteams', 'directline', 'sms', 'slack');
