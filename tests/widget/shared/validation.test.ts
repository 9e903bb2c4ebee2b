import { expect } from '@open-wc/testing';
import { validateReplyBody, validateTicketDraft } from '../../../widget/src/shared/validation.js';

describe('validateTicketDraft', () => {
  it('accepts a normal subject and body', () => {
    expect(
      validateTicketDraft({ subject: 'Flat tyre', body: 'Line one\n\tLine two' }),
    ).to.deep.equal({});
  });

  it('rejects a subject that is blank after trimming', () => {
    expect(validateTicketDraft({ subject: '  \n ', body: 'x' }).subject).to.equal(
      'Enter a subject.',
    );
  });

  it('accepts 255 characters and rejects 256', () => {
    expect(validateTicketDraft({ subject: 'a'.repeat(255), body: 'x' }).subject).to.equal(
      undefined,
    );
    expect(validateTicketDraft({ subject: 'a'.repeat(256), body: 'x' }).subject).to.include(
      'at most 255',
    );
  });

  it('measures length after trimming', () => {
    expect(validateTicketDraft({ subject: ` ${'a'.repeat(255)} `, body: 'x' }).subject).to.equal(
      undefined,
    );
  });

  it('rejects control characters other than tab and newline', () => {
    for (const character of ['\u0000', '\u0007', '\r', '\u001b', '\u007f', '\u0085']) {
      const errors = validateTicketDraft({ subject: `a${character}b`, body: 'x' });
      expect(errors.subject, JSON.stringify(character)).to.include('control character');
    }
  });
});

describe('validateReplyBody', () => {
  it('accepts 65,535 characters and rejects 65,536', () => {
    expect(validateReplyBody('a'.repeat(65_535))).to.deep.equal({});
    expect(validateReplyBody('a'.repeat(65_536)).body).to.include('65,535');
  });

  it('rejects an empty reply', () => {
    expect(validateReplyBody('   ').body).to.equal('Enter a message.');
  });
});
