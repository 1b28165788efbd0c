import { describe, expect, it } from 'vitest';
import { understand } from '../helpers/understanding';

const emergencyOf = (text: string) => understand(text).emergency?.kind;

describe('safety screen', () => {
  it.each([
    ['my dad suddenly has a drooping face and slurred speech', 'stroke'],
    ["Grandad's left arm has gone weak and he can't speak properly", 'stroke'],
    ['I think my wife is having a stroke', 'stroke'],
    ['crushing pain in my chest', 'heart'],
    ['chest pains and sweating, is cst ok?', 'heart'],
    ['my baby is not breathing', 'breathing'],
    ['he is choking', 'breathing'],
    ["cut my hand and the bleeding won't stop", 'bleeding'],
    ['she is vomiting blood', 'bleeding'],
    ['my son swallowed a handful of tablets', 'poisoning'],
    ['I took 30 paracetamol tablets last night', 'poisoning'],
    ['I want to end my life', 'self-harm'],
    ['been having suicidal thoughts', 'self-harm'],
    ["sometimes I think I'd be better off dead", 'self-harm'],
    ['thinking about harming myself again', 'self-harm'],
    ['my husband collapsed and is unresponsive', 'unresponsive'],
    ["I don't see the point in going on anymore", 'self-harm'],
    ['everyone would be better off without me', 'self-harm'],
    ['been cutting again, would CST help with the urges', 'self-harm'],
    ["dad can't lift his left arm and his speech sounds drunk", 'stroke'],
    ['feels like an elephant is sitting on my chest', 'heart'],
    ["he's wheezing and can't catch his breath, the inhaler isn't working", 'breathing'],
    ['my throat feels tight and my tongue is swelling', 'breathing'],
    ["it won't stop bleeding", 'bleeding'],
    ['I took a whole pack of paracetamol', 'poisoning'],
    ['grandma collapsed and is not responding', 'unresponsive'],
  ])('%j → %s', (text, kind) => {
    expect(emergencyOf(text)).toBe(kind);
  });

  it('pre-empts a therapy question in the same message', () => {
    const q = understand('Is craniosacral therapy safe? My chest feels tight and I feel like passing out');
    expect(q.emergency?.kind).toBe('heart');
  });

  it('puts a crisis before a physical red flag when a message has both', () => {
    expect(emergencyOf('chest pain and I want to kill myself')).toBe('self-harm');
  });

  it.each([
    'Can an abscess tooth cause a heart attack?',
    'The pharmacy said my dose was an overdose of metformin',
    'I hurt my back lifting boxes',
    'what helps stroke recovery?',
    'is craniosacral therapy safe in pregnancy?',
    'article on breathing exercises for asthma',
    'does CST help with heavy periods',
    'I hurt myself lifting boxes last year, does CST help back pain?',
    'the pharmacist said 2000mg would be an overdose of metformin',
    'what is a stroke, exactly?',
  ])('does not raise an alarm for %j', (text) => {
    expect(emergencyOf(text)).toBeUndefined();
  });
});
