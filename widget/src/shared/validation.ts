/** Maximum subject length, in UTF-16 code units after trimming, as the API counts it. */
export const SUBJECT_MAX_LENGTH = 255;

/** Maximum length of a ticket body or reply, in UTF-16 code units after trimming. */
export const BODY_MAX_LENGTH = 65_535;

// Unicode control characters (C0, DEL and C1) except tab and newline, which the API accepts.
const FORBIDDEN_CONTROL = /(?![\t\n])\p{Cc}/u;

/** Field name → message for each field that fails validation. Empty when all pass. */
export type FieldErrors = Partial<Record<string, string>>;

/** Checks one text field the way the API does: trimmed length and control characters. */
export function validateText(label: string, value: string, maxLength: number): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length === 0) return `Enter a ${label.toLowerCase()}.`;
  if (trimmed.length > maxLength) {
    return `${label} must be at most ${maxLength.toLocaleString('en')} characters (it has ${trimmed.length.toLocaleString('en')}).`;
  }
  if (FORBIDDEN_CONTROL.test(trimmed)) {
    return `${label} contains a control character. Only tabs and line breaks are allowed.`;
  }
  return undefined;
}

/** Validates a new ticket's subject and description before it is sent. */
export function validateTicketDraft(draft: { subject: string; body: string }): FieldErrors {
  const errors: FieldErrors = {};
  const subject = validateText('Subject', draft.subject, SUBJECT_MAX_LENGTH);
  const body = validateText('Message', draft.body, BODY_MAX_LENGTH);
  if (subject) errors.subject = subject;
  if (body) errors.body = body;
  return errors;
}

/** Validates a reply or internal note before it is sent. */
export function validateReplyBody(body: string): FieldErrors {
  const message = validateText('Message', body, BODY_MAX_LENGTH);
  return message ? { body: message } : {};
}

/** Returns true when `errors` lists no failing field. */
export function isValid(errors: FieldErrors): boolean {
  return Object.values(errors).every((message) => !message);
}

/** Maximum length of a guest's name, in UTF-16 code units after trimming. */
export const NAME_MAX_LENGTH = 255;

// A deliberately loose check: one @, no spaces, and a dot in the domain. The API decides.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates a guest's name and email address before a guest ticket is sent. */
export function validateGuestContact(contact: { name: string; email: string }): FieldErrors {
  const errors: FieldErrors = {};
  const name = validateText('Name', contact.name, NAME_MAX_LENGTH);
  if (name) errors.name = name;
  const email = contact.email.trim();
  if (!email) errors.email = 'Enter your email address.';
  else if (!EMAIL_PATTERN.test(email)) {
    errors.email = 'Enter an email address such as name@example.com.';
  }
  return errors;
}
