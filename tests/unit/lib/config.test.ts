import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../functions/lib/config.js';

const base = {
  ESCALATED_TABLE: 'escalated-test',
  ESCALATED_BUCKET: 'escalated-test-files',
  ESCALATED_JWT_SECRET: 's3cret',
};

describe('parseConfig', () => {
  it('fills defaults', () => {
    const config = parseConfig(base);

    expect(config.mode).toBe('self_hosted');
    expect(config.maxBodyBytes).toBe(1_048_576);
    expect(config.jwksUrl).toBeUndefined();
  });

  it('treats empty optional variables as unset', () => {
    expect(
      parseConfig({ ...base, ESCALATED_JWKS_URL: '', ESCALATED_HUB_URL: ' ' }).hubUrl,
    ).toBeUndefined();
  });

  it('names a missing table variable', () => {
    expect(() => parseConfig({ ...base, ESCALATED_TABLE: undefined })).toThrow('ESCALATED_TABLE');
  });

  it('requires a secret or a JWKS URL', () => {
    expect(() => parseConfig({ ...base, ESCALATED_JWT_SECRET: '' })).toThrow(
      'ESCALATED_JWT_SECRET',
    );
  });

  it('rejects an unknown mode', () => {
    expect(() => parseConfig({ ...base, ESCALATED_MODE: 'hybrid' })).toThrow('ESCALATED_MODE');
  });

  it('requires the hub URL and key in synced and cloud mode', () => {
    for (const mode of ['synced', 'cloud']) {
      expect(() => parseConfig({ ...base, ESCALATED_MODE: mode })).toThrow(
        'ESCALATED_HUB_URL: set the hub API base URL',
      );
      expect(() =>
        parseConfig({
          ...base,
          ESCALATED_MODE: mode,
          ESCALATED_HUB_URL: 'https://hub.test/api/v1',
        }),
      ).toThrow('ESCALATED_HUB_API_KEY: set an esk_ API key');
    }
    const synced = parseConfig({
      ...base,
      ESCALATED_MODE: 'synced',
      ESCALATED_HUB_URL: 'https://hub.test/api/v1',
      ESCALATED_HUB_API_KEY: 'esk_abc',
    });
    expect([synced.mode, synced.hubUrl, synced.hubTimeoutMs]).toEqual([
      'synced',
      'https://hub.test/api/v1',
      8000,
    ]);
  });
});
