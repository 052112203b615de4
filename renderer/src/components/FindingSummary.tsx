import type { Finding } from '../../../app/shared/model-types';

/**
 * A finding's summary as the paragraphs the engine cut it into (report.ts SummaryPartSchema): a server-log finding says
 * what the PC saw, what the server's log says, what to do and how the two sides' lines were matched — one block of five
 * subjects read as a wall of text. A finding without parts is its summary, one paragraph.
 */
export function FindingSummary({ finding, className }: { finding: Pick<Finding, 'summary' | 'parts'>; className?: string }) {
  if (!finding.parts?.length) return <p className={className}>{finding.summary}</p>;
  return (
    <div className={`summary-parts ${className ?? ''}`} data-testid="summary-parts">
      {finding.parts.map((part, i) => (
        <p key={i} className={`summary-${part.kind}`} data-kind={part.kind}>
          {part.text}
        </p>
      ))}
    </div>
  );
}
