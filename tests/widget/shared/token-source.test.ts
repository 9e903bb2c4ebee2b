import { expect } from '@open-wc/testing';
import { decodeSessionUser, TokenSource } from '../../../widget/src/shared/token-source.js';
import { testContext, userId } from '../support/stack.js';

function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'none' })}.${encode(claims)}.signature`;
}

describe('TokenSource', () => {
  it('reuses a token that is valid for more than a minute', async () => {
    const now = 1_000_000_000_000;
    const token = fakeJwt({ sub: 'u1', exp: now / 1000 + 3600 });
    let calls = 0;
    const source = new TokenSource(
      undefined,
      () => (calls++, token),
      undefined,
      () => now,
    );

    await source.current();
    await source.current();

    expect(calls).to.equal(1);
  });

  it('renews a token that expires within 60 seconds', async () => {
    const now = 1_000_000_000_000;
    const tokens = [
      fakeJwt({ sub: 'u1', exp: now / 1000 + 59 }),
      fakeJwt({ sub: 'u1', exp: now / 1000 + 3600 }),
    ];
    let calls = 0;
    const source = new TokenSource(
      undefined,
      () => tokens[calls++]!,
      undefined,
      () => now,
    );

    await source.current();
    const second = await source.current();

    expect(calls).to.equal(2);
    expect(second).to.equal(tokens[1]);
  });

  it('shares one provider call between concurrent requests', async () => {
    let calls = 0;
    const source = new TokenSource(undefined, async () => {
      calls += 1;
      return fakeJwt({ sub: 'u1' });
    });

    await Promise.all([source.current(), source.current(), source.current()]);

    expect(calls).to.equal(1);
  });

  it('keeps a fixed token and cannot renew it', async () => {
    const source = new TokenSource('fixed', undefined);

    expect(await source.current()).to.equal('fixed');
    expect(source.canRenew).to.equal(false);
  });
});

describe('decodeSessionUser', () => {
  it('reads the user claims of a real token', () => {
    const user = decodeSessionUser(testContext().tokens.agent);

    expect(user?.id).to.equal(userId('agent'));
    expect(user?.name).to.equal('Alice Agent');
    expect(user?.role).to.equal('agent');
    expect(user?.expiresAt).to.be.a('number');
  });

  it('returns null for a value that is not a JWT', () => {
    expect(decodeSessionUser('not-a-token')).to.equal(null);
  });
});
