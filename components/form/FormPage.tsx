import { useEffect, useState } from 'preact/hooks';
import { awaitClaim } from '../../lib/form/await-claim';
import { type FormTarget, parseFormHash } from '../../lib/form/form-hash';
import { t } from '../../lib/i18n';
import type { FormContext } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { Correction } from '../../lib/schema/correction';
import { CorrectionForm } from './CorrectionForm';
import { postClose } from './close';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'context'; context: FormContext }
  | { kind: 'edit'; context: FormContext; correction: Correction; problem?: string };

async function load(target: FormTarget, request: typeof sendRequest, claimFor: ClaimSource): Promise<Loaded> {
  if (target.kind === 'context') {
    const { contextId } = target;
    const claim = await claimFor(contextId).catch(() => {
      throw new Error(t('formPageNotFromPage'));
    });
    return { kind: 'context', context: await request('form/context', { contextId, claim }) };
  }
  const item = await request('queue/get', { id: target.correctionId });
  if (!item) return { kind: 'failed', message: t('formPageNotFound') };
  const { correction } = item;
  return {
    kind: 'edit',
    context: { paper: correction.detected, submitter: correction.submitter },
    correction,
    problem: item.lastError?.message,
  };
}

/** Where a framed form gets the claim for its context (lib/form/await-claim.ts). */
type ClaimSource = (contextId: string) => Promise<string>;

interface FormPageProps {
  hash?: string;
  request?: typeof sendRequest;
  claimFor?: ClaimSource;
}

/** The form page: finds out what it was opened for, asks the background for it, shows the form. */
export function FormPage({ hash = location.hash, request = sendRequest, claimFor = awaitClaim }: FormPageProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    const target = parseFormHash(hash);
    if (!target) {
      setLoaded({ kind: 'failed', message: t('formPageBadAddress') });
      return;
    }
    load(target, request, claimFor).then(setLoaded, (error: unknown) =>
      setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [hash, request, claimFor]);

  if (loaded.kind === 'loading')
    return (
      <p class="page-message" role="status">
        {t('formPageLoading')}
      </p>
    );
  if (loaded.kind === 'failed')
    return (
      <div class="page-message" role="alert">
        <p>{loaded.message}</p>
        <button type="button" onClick={() => postClose()}>
          {t('formClose')}
        </button>
      </div>
    );
  const { context } = loaded;
  return (
    <CorrectionForm
      paper={context.paper}
      submitter={context.submitter}
      openAt={{ field: context.field, authorIndex: context.authorIndex, suggestion: context.suggestion }}
      editing={loaded.kind === 'edit' ? { correction: loaded.correction, problem: loaded.problem } : undefined}
    />
  );
}
