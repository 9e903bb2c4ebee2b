import { beforeEach, describe, expect, it, vi } from 'vitest';

// Name resolution is faked; every case here is refused before a connection would be made.
const lookup = vi.hoisted(() => vi.fn());
vi.mock('node:dns/promises', () => ({ lookup }));

const { sendWebhook } = await import('../../../functions/webhooks/send.js');

const HEADERS = { 'Content-Type': 'application/json' };
const BODY = '{"id":"evt-1"}';

beforeEach(() => {
  lookup.mockReset();
});

describe('sendWebhook', () => {
  it('refuses a name that resolves to any private address', async () => {
    lookup.mockResolvedValue([
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]);

    const result = await sendWebhook('https://hooks.example.com/in', HEADERS, BODY, {
      allowPrivate: false,
    });

    expect(lookup).toHaveBeenCalledWith('hooks.example.com', { all: true });
    expect(result.outcome).toBe('refused');
    expect(result.error).toContain('10.0.0.7');
    expect(result.statusCode).toBeNull();
  });

  it('refuses a name that resolves to an IPv6 loopback', async () => {
    lookup.mockResolvedValue([{ address: '::1', family: 6 }]);

    const result = await sendWebhook('https://rebind.example.com/', HEADERS, BODY, {
      allowPrivate: false,
    });

    expect(result.outcome).toBe('refused');
  });

  it('refuses a private literal without resolving it', async () => {
    const result = await sendWebhook('https://169.254.169.254/latest', HEADERS, BODY, {
      allowPrivate: false,
    });

    expect(lookup).not.toHaveBeenCalled();
    expect(result.outcome).toBe('refused');
    expect(result.error).toContain('169.254.169.254');
  });

  it('refuses localhost without resolving it', async () => {
    const result = await sendWebhook('https://localhost:8443/', HEADERS, BODY, {
      allowPrivate: false,
    });

    expect(lookup).not.toHaveBeenCalled();
    expect(result.outcome).toBe('refused');
  });

  it('refuses plain http while private targets are not allowed', async () => {
    const result = await sendWebhook('http://hooks.example.com/', HEADERS, BODY, {
      allowPrivate: false,
    });

    expect(lookup).not.toHaveBeenCalled();
    expect(result.outcome).toBe('refused');
    expect(result.error).toContain('allowPrivateWebhookTargets');
  });

  it('reports a failed lookup as a failed attempt', async () => {
    lookup.mockRejectedValue(
      Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' }),
    );

    const result = await sendWebhook('https://nowhere.example/', HEADERS, BODY, {
      allowPrivate: false,
    });

    expect(result.outcome).toBe('failed');
    expect(result.error).toContain('ENOTFOUND');
  });
});
