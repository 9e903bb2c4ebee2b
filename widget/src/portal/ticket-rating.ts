import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import type { Rating } from '../shared/api-types.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import { renderFieldError } from '../shared/form-field.js';
import { formatDateTime } from '../shared/format.js';
import { ESCALATED_VERSION } from '../shared/version.js';

/** Maximum length of a rating comment, in characters, as the API counts it. */
export const RATING_COMMENT_MAX_LENGTH = 2000;

const STARS = [1, 2, 3, 4, 5] as const;

const ratingStyles = css`
  .rating {
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
    padding: var(--escalated-space-md);
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }

  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--escalated-space-xs);
  }

  .stars {
    display: inline-flex;
    gap: var(--escalated-space-xs);
  }

  .stars input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
    margin: 0;
  }

  .star {
    cursor: pointer;
    font-size: var(--escalated-font-size-lg);
    line-height: 1;
    padding: var(--escalated-space-xs);
    border-radius: var(--escalated-radius-sm);
    color: var(--escalated-color-text-muted);
  }

  .star.filled {
    color: var(--escalated-color-warning-text);
  }

  .stars input:focus-visible + .star {
    outline: var(--escalated-focus-ring-width) solid var(--escalated-color-focus);
    outline-offset: 1px;
  }

  .field-error:empty {
    display: none;
  }

  @media (forced-colors: active) {
    .star.filled {
      color: Highlight;
    }
  }
`;

/**
 * The requester's 1–5 star rating of a resolved or closed ticket, used inside
 * `<escalated-portal-ticket>`. The stars are a radio group, so arrow keys change the choice.
 * After submitting it shows the rating with a "Change rating" button. The API decides how
 * long a rating may be changed and its message is shown when it refuses.
 *
 * @summary Satisfaction rating form and result.
 * @tagname escalated-ticket-rating
 * @csspart rating - The frame around the form or the submitted rating.
 * @fires {CustomEvent<TicketRatedDetail>} escalated-ticket-rated - `{ reference, rating }` after a
 *   rating is submitted or changed.
 * @since 0.2.0
 */
export class EscalatedTicketRating extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [baseStyles, ratingStyles];

  /** Reference of the rated ticket. */
  @property() reference = '';

  /** The stored rating, or null before the first one. */
  @property({ attribute: false }) rating: Rating | null = null;

  /** BCP 47 locale for dates. */
  @property() locale = '';

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client: EscalatedClient | null = null;

  @state() private editing = false;
  @state() private chosen = 0;
  @state() private error = '';
  @state() private commentError = '';
  @state() private submitting = false;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('rating') || changed.has('reference')) {
      this.editing = false;
      this.chosen = this.rating?.rating ?? 0;
    }
  }

  override render(): TemplateResult {
    return html`<section class="rating stack" part="rating" aria-labelledby="rating-heading">
      <h3 id="rating-heading">${this.rating ? 'Your rating' : 'Rate our help'}</h3>
      ${this.rating && !this.editing ? this.renderResult(this.rating) : this.renderForm()}
      ${this.announcer.render()}
    </section>`;
  }

  private renderResult(rating: Rating): TemplateResult {
    return html`<p class="result">
        <span aria-hidden="true">${'★'.repeat(rating.rating)}${'☆'.repeat(5 - rating.rating)}</span>
        You rated this ticket ${rating.rating} out of 5.
      </p>
      ${rating.comment ? html`<p class="comment body">${rating.comment}</p>` : nothing}
      <p class="muted">
        Submitted
        ${formatDateTime(rating.updatedAt || rating.submittedAt, this.locale || undefined)}
      </p>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <div class="toolbar">
        <button type="button" id="change-rating" @click=${this.startEditing}>Change rating</button>
      </div>`;
  }

  private renderForm(): TemplateResult {
    return html`<form class="stack" novalidate @submit=${this.onSubmit}>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <fieldset>
        <legend>How satisfied are you with the help you received?</legend>
        <div class="stars">${STARS.map((value) => this.renderStar(value))}</div>
      </fieldset>
      <div class="field">
        <label for="rating-comment">Comment (optional)</label>
        <textarea
          id="rating-comment"
          maxlength=${RATING_COMMENT_MAX_LENGTH}
          aria-invalid=${this.commentError ? 'true' : 'false'}
          aria-describedby="rating-comment-error"
          .value=${this.rating?.comment ?? ''}
        ></textarea>
        ${renderFieldError('rating-comment-error', this.commentError)}
      </div>
      <div class="toolbar">
        <button class="primary" type="submit" ?disabled=${this.submitting || !this.client}>
          ${this.rating ? 'Save rating' : 'Submit rating'}
        </button>
        ${
          this.rating
            ? html`<button type="button" @click=${this.cancelEditing}>Cancel</button>`
            : nothing
        }
      </div>
    </form>`;
  }

  private renderStar(value: number): TemplateResult {
    const id = `star-${value}`;
    return html`<input
        type="radio"
        name="rating"
        id=${id}
        value=${value}
        .checked=${this.chosen === value}
        @change=${() => (this.chosen = value)}
      /><label for=${id} class="star ${value <= this.chosen ? 'filled' : ''}"
        ><span aria-hidden="true">${value <= this.chosen ? '★' : '☆'}</span
        ><span class="visually-hidden">${value === 1 ? '1 star' : `${value} stars`}</span></label
      >`;
  }

  private async startEditing(): Promise<void> {
    this.editing = true;
    this.error = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="rating"]:checked')?.focus();
  }

  private async cancelEditing(): Promise<void> {
    this.editing = false;
    this.chosen = this.rating?.rating ?? 0;
    this.error = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#change-rating')?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.submitting) return;
    const comment = this.renderRoot.querySelector<HTMLTextAreaElement>('#rating-comment')!;
    const text = comment.value.trim();
    this.error = this.chosen ? '' : 'Choose from 1 to 5 stars.';
    this.commentError =
      text.length > RATING_COMMENT_MAX_LENGTH
        ? `The comment must be at most ${RATING_COMMENT_MAX_LENGTH} characters.`
        : '';
    if (this.error || this.commentError) return;
    await this.submit(client, { rating: this.chosen, ...(text ? { comment: text } : {}) });
  }

  private async submit(client: EscalatedClient, input: { rating: number; comment?: string }) {
    this.submitting = true;
    try {
      const signal = this.requests.start('rate');
      const saved = await client.rateTicket(this.reference, input, { signal });
      const now = new Date().toISOString();
      this.rating = saved ?? {
        rating: input.rating,
        comment: input.comment ?? null,
        submittedAt: this.rating?.submittedAt ?? now,
        updatedAt: now,
      };
      void this.announcer.say('Thank you, your rating was saved.');
      emit(this, 'escalated-ticket-rated', { reference: this.reference, rating: this.rating });
    } catch (error) {
      if (isAbortError(error)) return;
      this.commentError = fieldErrors(error).comment ?? '';
      this.error = errorMessage(error);
    } finally {
      this.submitting = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#change-rating')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-ticket-rating': EscalatedTicketRating;
  }
}
