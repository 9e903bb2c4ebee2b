import { expect } from '@open-wc/testing';
import { EscalatedApiError } from '../../../widget/src/shared/api-error.js';
import { EscalatedClient } from '../../../widget/src/shared/client.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import { TokenSource } from '../../../widget/src/shared/token-source.js';
import { clientAs, testContext, uniqueSubject } from '../support/stack.js';

const signal = new AbortController().signal;

describe('EscalatedClient', () => {
  it('renews the token once when the API rejects it with 401', async () => {
    const { apiBase, tokens } = testContext();
    const issued: string[] = [];
    const provider = () => {
      const token = issued.length === 0 ? 'not-a-valid-token' : tokens.customer;
      issued.push(token);
      return Promise.resolve(token);
    };
    const client = new EscalatedClient(apiBase, new TokenSource(undefined, provider));

    const page = await client.listOwnTickets({ limit: 1 }, { signal });

    expect(page.items).to.be.an('array');
    expect(issued).to.have.length(2);
  });

  it('throws the API error envelope with its code and request id', async () => {
    const client = clientAs('customer');

    const error = await client
      .getTicket('ESC-99999999', { signal })
      .catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(EscalatedApiError);
    const apiError = error as EscalatedApiError;
    expect(apiError.status).to.equal(404);
    expect(apiError.code).to.equal('ticket.notFound');
    expect(apiError.message).not.to.equal('');
    expect(apiError.requestId).to.be.a('string');
  });

  it('returns per-field messages on a 422', async () => {
    const client = clientAs('customer');
    const input = { subject: '   ', body: 'Body' };

    const error = await client
      .createTicket(input, { signal, idempotencyKey: randomUuid() })
      .catch((caught: unknown) => caught);

    expect((error as EscalatedApiError).status).to.equal(422);
    expect((error as EscalatedApiError).fields.subject).to.be.a('string');
  });

  it('creates one ticket when a submission is retried with the same key', async () => {
    const client = clientAs('customer');
    const input = { subject: uniqueSubject('Retried'), body: 'Sent twice.' };
    const idempotencyKey = randomUuid();

    const first = await client.createTicket(input, { signal, idempotencyKey });
    const second = await client.createTicket(input, { signal, idempotencyKey });

    expect(second.ticket.reference).to.equal(first.ticket.reference);
    const page = await client.listOwnTickets({ limit: 100 }, { signal });
    const matches = page.items.filter((ticket) => ticket.subject === input.subject);
    expect(matches).to.have.length(1);
  });

  it('rejects with an AbortError when the signal is aborted', async () => {
    const controller = new AbortController();
    const pending = clientAs('customer').listOwnTickets({}, { signal: controller.signal });
    controller.abort();

    const error = await pending.catch((caught: unknown) => caught);

    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('reports an unreachable API as a network error', async () => {
    const client = new EscalatedClient(
      'http://127.0.0.1:9/api/v1',
      new TokenSource('t', undefined),
    );

    const error = await client.listOwnTickets({}, { signal }).catch((caught: unknown) => caught);

    expect((error as EscalatedApiError).code).to.equal('client.networkError');
    expect((error as EscalatedApiError).status).to.equal(0);
  });
});
