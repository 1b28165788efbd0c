// Redaction for the one place message text may be logged (LOG_MESSAGE_TEXT=true): emails and
// phone numbers are replaced. Input is capped first, so these patterns stay cheap.

/** Longest message text written to a log. */
export const MAX_LOGGED_TEXT = 500;

const EMAIL = /[^\s@<>()]{1,64}@[^\s@<>()]{1,255}\.[a-z]{2,24}/gi;
const PHONE = /\+?\d[\d ().-]{6,18}\d/g;

export function redactPersonalData(text: string): string {
  return text.slice(0, MAX_LOGGED_TEXT).replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}
