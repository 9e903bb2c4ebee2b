import type { HostUserClaims } from './tokens.js';

/** A seeded demo user, with the label the demo pages put on their sign-in button. */
export interface DemoUser extends HostUserClaims {
  name: string;
  email: string;
  role: 'customer' | 'agent' | 'admin';
  label: string;
}

/** Departments of the demo installation. */
export const DEMO_DEPARTMENTS = [
  {
    id: 'dept-repairs',
    name: 'Repairs & Service',
    agentIds: ['demo-agent-sam', 'demo-agent-priya'],
  },
  { id: 'dept-orders', name: 'Orders & Billing', agentIds: ['demo-agent-priya', 'demo-agent-tom'] },
] as const;

/** The people of the demo installation: an admin, three agents and three customers. */
export const DEMO_USERS: DemoUser[] = [
  {
    sub: 'demo-admin-ada',
    name: 'Ada Lindqvist',
    email: 'ada@northwind-cycles.example',
    role: 'admin',
    label: 'Ada (admin)',
  },
  {
    sub: 'demo-agent-sam',
    name: 'Sam Okafor',
    email: 'sam@northwind-cycles.example',
    role: 'agent',
    label: 'Sam (agent, Repairs)',
    departments: ['dept-repairs'],
  },
  {
    sub: 'demo-agent-priya',
    name: 'Priya Raman',
    email: 'priya@northwind-cycles.example',
    role: 'agent',
    label: 'Priya (agent, Repairs and Orders)',
    departments: ['dept-repairs', 'dept-orders'],
  },
  {
    sub: 'demo-agent-tom',
    name: 'Tom Becker',
    email: 'tom@northwind-cycles.example',
    role: 'agent',
    label: 'Tom (agent, Orders)',
    departments: ['dept-orders'],
  },
  {
    sub: 'demo-customer-grace',
    name: 'Grace Miller',
    email: 'grace@example.com',
    role: 'customer',
    label: 'Grace (customer)',
  },
  {
    sub: 'demo-customer-luis',
    name: 'Luis Ortega',
    email: 'luis@example.com',
    role: 'customer',
    label: 'Luis (customer)',
  },
  {
    sub: 'demo-customer-mei',
    name: 'Mei Chen',
    email: 'mei@example.com',
    role: 'customer',
    label: 'Mei (customer)',
  },
];

/** Finds a demo user by id. */
export function demoUser(id: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === id);
}
