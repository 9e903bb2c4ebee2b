import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One DynamoDB call: the command's name and when it started and ended (performance.now ms). */
export interface CallSpan {
  command: string;
  /** Entity prefix of the item key's partition (`RATE`, `TICKET`, …), for single-item calls. */
  partition?: string;
  start: number;
  end: number;
}

function partitionOf(input: unknown): string | undefined {
  const key = (input as { Key?: { pk?: unknown } } | undefined)?.Key;
  const pk = (key?.pk as { S?: string } | undefined)?.S ?? key?.pk;
  return typeof pk === 'string' ? pk.split('#')[0] : undefined;
}

/**
 * Times every call the client sends, from the outermost middleware step, so a span covers
 * marshalling, signing, the HTTP round trip and any retry. `take()` returns the spans recorded
 * since the previous `take()`.
 */
export function timeDynamoDbCalls(client: DynamoDBDocumentClient): { take: () => CallSpan[] } {
  let spans: CallSpan[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const start = performance.now();
      try {
        return await next(args);
      } finally {
        spans.push({
          command: context.commandName ?? 'unknown',
          partition: partitionOf(args.input),
          start,
          end: performance.now(),
        });
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchTimeDynamoDbCalls' },
  );
  return {
    take: () => {
      const taken = spans;
      spans = [];
      return taken;
    },
  };
}

/** Returns the summed duration of the spans, counting overlapping calls each in full. */
export function summedMs(spans: CallSpan[]): number {
  return spans.reduce((sum, span) => sum + (span.end - span.start), 0);
}

/** Returns the time during which at least one call was in flight. */
export function coveredMs(spans: CallSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let covered = 0;
  let openStart = Number.NaN;
  let openEnd = Number.NEGATIVE_INFINITY;
  for (const span of sorted) {
    if (span.start > openEnd) {
      if (Number.isFinite(openEnd)) covered += openEnd - openStart;
      openStart = span.start;
      openEnd = span.end;
    } else {
      openEnd = Math.max(openEnd, span.end);
    }
  }
  if (Number.isFinite(openEnd)) covered += openEnd - openStart;
  return covered;
}
