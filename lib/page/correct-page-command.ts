// The worker's page/correct command as the content script checks it. The content script carries
// no zod (it runs on every paper page before any click, in 20 KB), so this checks by hand only
// what the page itself uses: the command's type and that its request and paper are objects.
// Everything else goes back to the worker in form/open and is parsed there with its schema:
// `field`, `suggestion` and a paper entered by hand; `paperIndex` only ever indexes the page's
// own list of papers. The worker built the command with CorrectPageCommandSchema
// (lib/schema/messages.ts), and the listener takes commands from this extension's worker only.
import type { DetectedPaper } from '../extract/types';
import type { RequestPayload } from '../messaging/protocol';
import type { CorrectPageCommand } from '../schema/messages';
import { choosePaper } from './choose-paper';

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

export function readCorrectPageCommand(message: unknown): CorrectPageCommand | null {
  const command = message as Partial<CorrectPageCommand> | null;
  return command?.type === 'page/correct' &&
    isObject(command.request) &&
    (command.paper === undefined || isObject(command.paper))
    ? (command as CorrectPageCommand)
    : null;
}

/**
 * The form a page/correct command opens on this page: for the paper the worker sent (entered by
 * hand), else the one chosen among those detected (choose-paper.ts); null when the message is no
 * such command, or on a list page when nothing says which entry (the reader picks it first).
 */
export function correctPageForm(
  message: unknown,
  papers: readonly DetectedPaper[],
  clicked: Node | null,
): RequestPayload<'form/open'> | null {
  const command = readCorrectPageCommand(message);
  if (!command) return null;
  const { request } = command;
  const paper = command.paper ?? choosePaper(papers, request, clicked)?.metadata;
  return paper ? { paper, field: request.field, suggestion: request.suggestion } : null;
}
