import { createContext } from '@lit/context';
import type { EscalatedClient } from './client.js';
import type { SessionUser } from './token-source.js';

/** The API client an outer element shares with the elements nested in it, or null until configured. */
export const clientContext = createContext<EscalatedClient | null>(Symbol('escalated-client'));

/** The signed-in user, read from the bearer token, or null until a token is known. */
export const sessionContext = createContext<SessionUser | null>(Symbol('escalated-session'));
