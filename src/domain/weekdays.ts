// Weekday codes as in RFC 5545 / HSDS `byday`, Monday first (ISO 8601).
// Kept apart from model.ts so code that needs only these values does not pull zod into a bundle.
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
