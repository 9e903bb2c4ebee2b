/** Version of the element code, compared when a tag turns out to be registered already. */
export const ESCALATED_VERSION = '0.1.0';
