// The worker's page/correct command as the content script checks it. The content script carries
// no zod (it runs on every paper page before any click, in 20 KB), so this checks by hand only
// what the page itself uses: the command's type and that its request and paper are objects.
// Everything else goes back to the worker in form/open and is parsed there with its schema:
// `field`, `suggestion` and a paper entered by hand; `paperIndex` only ever indexes the page's
// own list of papers. The worker built the command with CorrectPageCommandSchema
// (lib/schema/messages.ts), and the listener takes commands from this extension's worker only.
import type { CorrectPageCommand } from '../schema/messages';

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

export function readCorrectPageCommand(message: unknown): CorrectPageCommand | null {
  const command = message as Partial<CorrectPageCommand> | null;
  return command?.type === 'page/correct' &&
    isObject(command.request) &&
    (command.paper === undefined || isObject(command.paper))
    ? (command as CorrectPageCommand)
    : null;
}
