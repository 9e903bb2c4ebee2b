import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { resolveSettings, type Settings } from '../domain/settings.js';
import type { Author, Department } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { auditWrite } from './config-items.js';
import { keys } from './keys.js';
import { getItem, queryAll, tableName, transactWrite } from './table.js';

/** Configuration is cached this long per container; admins' changes show up within it. */
const CACHE_MS = 10_000;

interface Cached<T> {
  value: T;
  readAt: number;
}

let settingsCache: Cached<Settings> | undefined;
let departmentsCache: Cached<Department[]> | undefined;

/** Reads the installation settings with defaults filled in, cached briefly. */
export async function getSettings(now = Date.now()): Promise<Settings> {
  if (settingsCache && now - settingsCache.readAt < CACHE_MS) return settingsCache.value;
  const item = await getItem<{ settings: Partial<Settings> }>(keys.settings());
  settingsCache = { value: resolveSettings(item?.settings), readAt: now };
  return settingsCache.value;
}

/** Reads the settings an admin has stored, without defaults. */
export async function storedSettings(): Promise<Partial<Settings>> {
  const item = await getItem<{ settings: Partial<Settings> }>(keys.settings());
  return item?.settings ?? {};
}

/** Stores settings (already validated) with an audit entry, and drops the cache. */
export async function putSettings(
  settings: Partial<Settings>,
  actor: Author,
  before: Partial<Settings>,
): Promise<void> {
  const at = new Date().toISOString();
  const audit = auditWrite({
    id: randomUUID(),
    at,
    actor,
    action: 'update',
    collection: 'settings',
    targetId: 'settings',
    before,
    after: settings,
  });
  await transactWrite([
    { Put: { Item: { ...keys.settings(), entity: 'settings', settings } } },
    audit,
  ]);
  settingsCache = undefined;
}

/** Drops the cached settings and departments after an admin change. */
export function invalidateConfigCache(): void {
  settingsCache = undefined;
  departmentsCache = undefined;
}

/** Lists departments by id, cached briefly. */
export async function listDepartments(now = Date.now()): Promise<Department[]> {
  if (departmentsCache && now - departmentsCache.readAt < CACHE_MS) return departmentsCache.value;
  const items = await queryAll<Department>({
    partition: keys.configPartition(),
    sortPrefix: keys.departmentPrefix(),
  });
  departmentsCache = { value: items.map(toDepartment), readAt: now };
  return departmentsCache.value;
}

/** Finds one department by id. */
export async function findDepartment(id: string): Promise<Department | undefined> {
  return (await listDepartments()).find((department) => department.id === id);
}

/** Stores a department and drops the cache. */
export async function putDepartment(department: Department): Promise<void> {
  await ddb().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.department(department.id), entity: 'department', ...department },
    }),
  );
  departmentsCache = undefined;
}

function toDepartment(item: Department): Department {
  return {
    id: item.id,
    name: item.name,
    agentIds: item.agentIds ?? [],
    autoAssign: item.autoAssign ?? false,
    maxOpenPerAgent: item.maxOpenPerAgent ?? null,
    slaPolicyId: item.slaPolicyId ?? null,
    calendarId: item.calendarId ?? null,
  };
}
