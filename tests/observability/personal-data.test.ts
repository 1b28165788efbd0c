import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_TEXT, redactPersonalData } from '../../src/observability/personal-data';

describe('redactPersonalData', () => {
  it('replaces emails and phone numbers', () => {
    expect(redactPersonalData('mail jane.doe+cst@example.co.uk or call +1 (555) 123-4567 about CST')).toBe(
      'mail [email] or call [phone] about CST',
    );
  });

  it('caps the text it returns', () => {
    expect(redactPersonalData('a'.repeat(10_000))).toHaveLength(MAX_LOGGED_TEXT);
  });
});
