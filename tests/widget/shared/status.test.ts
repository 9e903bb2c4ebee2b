import { expect } from '@open-wc/testing';
import {
  allowedTransitions,
  customerCanClose,
  customerCanReopen,
  STATUS_TRANSITIONS,
  TICKET_STATUSES,
} from '../../../widget/src/shared/status.js';

describe('status machine', () => {
  it('never offers a same-status change', () => {
    for (const status of TICKET_STATUSES) {
      expect(STATUS_TRANSITIONS[status], status).not.to.include(status);
    }
  });

  it('restricts resolved and closed tickets', () => {
    expect(allowedTransitions('resolved')).to.deep.equal(['reopened', 'closed']);
    expect(allowedTransitions('closed')).to.deep.equal(['reopened']);
  });

  it('keeps escalated away from open and waiting on agent', () => {
    expect(allowedTransitions('escalated')).to.deep.equal([
      'in_progress',
      'waiting_on_customer',
      'resolved',
      'closed',
    ]);
  });

  it('offers nothing for an unknown status', () => {
    expect(allowedTransitions('archived')).to.deep.equal([]);
  });

  it('limits customer close and reopen', () => {
    expect(customerCanClose('open')).to.equal(true);
    expect(customerCanClose('closed')).to.equal(false);
    expect(customerCanReopen('resolved')).to.equal(true);
    expect(customerCanReopen('closed')).to.equal(true);
    expect(customerCanReopen('open')).to.equal(false);
  });
});
