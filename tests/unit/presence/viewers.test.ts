import { describe, expect, it } from 'vitest';
import { presenceItem } from '../../../functions/presence/heartbeat.js';
import { activeViewers, type PresenceRecord } from '../../../functions/presence/viewers.js';

const now = new Date('2026-01-13T09:30:00.000Z');

function secondsAgo(seconds: number): string {
  return new Date(now.getTime() - seconds * 1000).toISOString();
}

function record(agentId: string, fields: Partial<PresenceRecord> = {}): PresenceRecord {
  return { agentId, name: `Agent ${agentId}`, lastSeenAt: secondsAgo(5), ...fields };
}

describe('activeViewers', () => {
  it('lists agents seen under 60 seconds ago', () => {
    const viewers = activeViewers([record('a', { lastSeenAt: secondsAgo(59) })], now);

    expect(viewers).toEqual([{ id: 'a', name: 'Agent a', typing: false }]);
  });

  it('drops an agent last seen 60 seconds ago or earlier', () => {
    const records = [
      record('a', { lastSeenAt: secondsAgo(60) }),
      record('b', { lastSeenAt: secondsAgo(600) }),
    ];

    expect(activeViewers(records, now)).toEqual([]);
  });

  it('leaves out the caller', () => {
    const viewers = activeViewers([record('a'), record('b')], now, 'a');

    expect(viewers.map((viewer) => viewer.id)).toEqual(['b']);
  });

  it('shows typing until typingUntil passes', () => {
    const records = [
      record('a', { typingUntil: new Date(now.getTime() + 1).toISOString() }),
      record('b', { typingUntil: now.toISOString() }),
      record('c'),
    ];

    expect(activeViewers(records, now).map((viewer) => viewer.typing)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('sorts viewers by name', () => {
    const records = [record('z', { name: 'Zoe' }), record('y', { name: 'Ada' })];

    expect(activeViewers(records, now).map((viewer) => viewer.name)).toEqual(['Ada', 'Zoe']);
  });
});

describe('presenceItem', () => {
  const agent = { id: 'agent-a', name: 'Ada' };

  it('stores the heartbeat in the ticket partition with a 60-second TTL', () => {
    const item = presenceItem('ESC-00042', agent, false, now);

    expect(item).toMatchObject({
      pk: 'TICKET#ESC-00042',
      sk: 'PRESENCE#agent-a',
      entity: 'presence',
      agentId: 'agent-a',
      name: 'Ada',
      lastSeenAt: '2026-01-13T09:30:00.000Z',
      expiresAt: now.getTime() / 1000 + 60,
    });
    expect(item.typingUntil).toBeUndefined();
  });

  it('marks typing for 10 seconds', () => {
    const item = presenceItem('ESC-00042', agent, true, now);

    expect(item.typingUntil).toBe('2026-01-13T09:30:10.000Z');
  });
});
