import { expect } from '@open-wc/testing';
import {
  buildQueueQuery,
  effectiveSort,
  localDayBounds,
} from '../../../widget/src/agent-queue/queue-query.js';

const DEFAULTS = { view: 'all', sort: 'updated', status: '', department: '', limit: 25 };

describe('buildQueueQuery', () => {
  it('sends only the page size for the default filters', () => {
    expect(buildQueueQuery(DEFAULTS)).to.deep.equal({ limit: 25 });
  });

  it('sends the SLA breaching view without a sort', () => {
    const query = buildQueueQuery({ ...DEFAULTS, view: 'sla_breaching', sort: 'created' });

    expect(query).to.deep.equal({ limit: 25, view: 'sla_breaching' });
  });

  it('sends each sort other than the default', () => {
    expect(buildQueueQuery({ ...DEFAULTS, sort: 'created' }).sort).to.equal('created');
    expect(buildQueueQuery({ ...DEFAULTS, sort: 'sla' }).sort).to.equal('sla');
    expect(buildQueueQuery({ ...DEFAULTS, sort: 'updated' })).not.to.have.property('sort');
  });

  it('combines the view, sort, status, department and cursor', () => {
    const query = buildQueueQuery({
      view: 'mine',
      sort: 'sla',
      status: 'open',
      department: 'dept-1',
      limit: 25,
      cursor: 'abc',
    });

    expect(query).to.deep.equal({
      limit: 25,
      view: 'mine',
      sort: 'sla',
      status: 'open',
      departmentId: 'dept-1',
      cursor: 'abc',
    });
  });

  it('leaves out unknown views, sorts and statuses', () => {
    const query = buildQueueQuery({ ...DEFAULTS, view: 'vip', sort: 'mood', status: 'lost' });

    expect(query).to.deep.equal({ limit: 25 });
  });
});

describe('effectiveSort', () => {
  it('fixes the SLA breaching view to the SLA deadline', () => {
    expect(effectiveSort('sla_breaching', 'created')).to.equal('sla');
  });

  it('follows the chosen sort in other views', () => {
    expect(effectiveSort('mine', 'created')).to.equal('created');
    expect(effectiveSort('all', 'mood')).to.equal('updated');
  });
});

describe('buildQueueQuery filters', () => {
  it('sends priority, tag, trimmed search and the urgent and following views', () => {
    const query = buildQueueQuery({
      ...DEFAULTS,
      view: 'following',
      priority: 'urgent',
      tag: 'warranty',
      search: '  ESC-00042 ',
    });

    expect(query).to.deep.equal({
      limit: 25,
      view: 'following',
      priority: 'urgent',
      tag: 'warranty',
      q: 'ESC-00042',
    });
    expect(buildQueueQuery({ ...DEFAULTS, view: 'urgent' }).view).to.equal('urgent');
  });

  it('leaves out unknown priorities and blank searches', () => {
    expect(buildQueueQuery({ ...DEFAULTS, priority: 'meh', search: '   ' })).to.deep.equal({
      limit: 25,
    });
  });

  it('turns created days into local day bounds', () => {
    const query = buildQueueQuery({
      ...DEFAULTS,
      createdFrom: '2026-03-01',
      createdTo: '2026-03-02',
    });

    expect(query.createdFrom).to.equal(new Date(2026, 2, 1).toISOString());
    expect(query.createdTo).to.equal(new Date(2026, 2, 3, 0, 0, 0, -1).toISOString());
  });
});

describe('localDayBounds', () => {
  it('rejects malformed and impossible days', () => {
    expect(localDayBounds('2026-02-30')).to.equal(undefined);
    expect(localDayBounds('13/01/2026')).to.equal(undefined);
    expect(localDayBounds('')).to.equal(undefined);
  });
});
