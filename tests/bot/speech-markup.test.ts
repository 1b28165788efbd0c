import { describe, expect, it } from 'vitest';
import { ssml } from '../../src/bot/speech-markup';

describe('speech markup', () => {
  it('names the language and escapes what XML would read as markup', () => {
    expect(ssml('Llame al 112 <ahora> & "no" espere', 'es-MX')).toBe(
      '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="es-MX">Llame al 112 &lt;ahora&gt; &amp; &quot;no&quot; espere</speak>',
    );
  });

  it('never puts a malformed locale into the markup', () => {
    expect(ssml('hi', 'en"><x')).toContain('xml:lang="en-US"');
  });
});
