import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { buildCorrection } from '../../lib/build-correction';
import { newCorrectionId } from '../../lib/correction-id';
import { paperKey } from '../../lib/drafts';
import { formStateFromCorrection } from '../../lib/form/from-correction';
import { sha256Hex } from '../../lib/form/pdf-file';
import { formReducer } from '../../lib/form/reducer';
import { chooseIdentity, createdAtOf, type SendIdentity } from '../../lib/form/send-identity';
import { type FormState, initialFormState, type OpenAt } from '../../lib/form/state';
import { formProblems } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { type Correction, CorrectionSchema, type PdfAttachment as StoredPdf } from '../../lib/schema/correction';
import type { PaperMetadata } from '../../lib/schema/paper';
import { AuthorList } from './AuthorList';
import { browserFormApi, type FormApi } from './api';
import { postClose } from './close';
import { DeclarationSection } from './DeclarationSection';
import { DeliveryStatus } from './DeliveryStatus';
import { FieldList } from './FieldList';
import { GuidanceIntro } from './GuidanceIntro';
import { PaperInfo } from './PaperInfo';
import { PdfAttachment, type PdfChoice } from './PdfAttachment';
import { linkedProblems } from './problem-links';
import { ReviewStep } from './ReviewStep';
import { SubmitBar } from './SubmitBar';
import { SubmitterSection } from './SubmitterSection';
import { useDelivery } from './use-delivery';
import { useDraft } from './use-draft';
import { useFocusTrap } from './use-focus-trap';
import { WhySection } from './WhySection';

export interface CorrectionFormProps {
  paper: PaperMetadata;
  /** Defaults from the options page. */
  submitter: { name: string; email: string };
  /** The control the user clicked: that field selected, that author expanded. */
  openAt?: OpenAt;
  /** Edit mode (from the popup): a queued correction that needs attention, and why. */
  editing?: { correction: Correction; problem?: string };
  api?: FormApi;
  onClose?: () => void;
  draftDelayMs?: number;
  newId?: () => string;
}

type Step = 'edit' | 'review' | 'done';

const STEP_HEADINGS: Record<Step, string> = { edit: 'form-title', review: 'review-heading', done: 'delivery-heading' };

function storedPdfName(file: File): string {
  return (file.name || 'attachment.pdf').slice(0, 500);
}

export function CorrectionForm({
  paper,
  submitter,
  openAt = {},
  editing,
  api = browserFormApi,
  onClose: close = postClose,
  draftDelayMs = 300,
  newId = newCorrectionId,
}: CorrectionFormProps) {
  const fresh = useCallback(
    (): FormState =>
      editing ? formStateFromCorrection(editing.correction) : initialFormState(paper, submitter, openAt),
    [editing, paper, submitter, openAt],
  );
  const [state, dispatch] = useReducer(formReducer, undefined, fresh);
  // Chosen at the first Send and kept for the life of the form (and in the draft): a Send after a
  // refusal, or of the same draft after the form was closed, is the same correction.
  const identity = useRef<SendIdentity | null>(null);
  const [correctionId, setCorrectionId] = useState('');
  const [pdf, setPdf] = useState<PdfChoice | null>(() =>
    editing?.correction.pdf ? { kind: 'kept', attachment: editing.correction.pdf } : null,
  );
  const [step, setStep] = useState<Step>('edit');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const root = useRef<HTMLElement>(null);
  const draftKey = editing ? `edit:${editing.correction.id}` : paperKey(paper);
  const draft = useDraft({
    key: draftKey,
    state,
    dispatch,
    fresh,
    openAt,
    hasPdf: pdf !== null,
    api,
    delayMs: draftDelayMs,
  });
  const delivery = useDelivery(api, correctionId);
  // Called without arguments: handed to onClick as is, postClose would take the click event for
  // the window to post to, throw, and leave the panel open.
  // The draft is saved before the panel goes: once the frame is removed, a save may never finish.
  const { flush } = draft;
  const onClose = useCallback(() => {
    void flush()
      .catch(() => undefined)
      .then(() => close());
  }, [close, flush]);
  useFocusTrap(root, onClose);

  const problems = useMemo(() => formProblems(state, paper), [state, paper]);
  // What the review step lists; the correction actually sent is built again with its time and PDF.
  const preview = useMemo(
    () => buildCorrection(state, { id: correctionId, createdAt: '', paper }),
    [state, paper, correctionId],
  );
  const pdfInfo =
    pdf?.kind === 'new' ? { name: storedPdfName(pdf.file), size: pdf.file.size } : (pdf?.attachment ?? null);

  useEffect(() => {
    // Each step starts at its heading, so keyboard and screen reader users land on what changed.
    root.current?.querySelector<HTMLElement>(`#${STEP_HEADINGS[step]}`)?.focus();
  }, [step]);

  const send = async () => {
    setSending(true);
    setSendError(null);
    try {
      const restored = draft.restored;
      identity.current ??= chooseIdentity({
        freshId: newId(),
        editingId: editing?.correction.id,
        restored: restored
          ? {
              correctionId: restored.correctionId,
              // A PDF is not kept in the draft: one sent before cannot be told apart from a new one.
              unchanged: state === restored.state && !restored.hadPdf && pdf === null,
            }
          : undefined,
      });
      const { id: correctionId, supersedes } = identity.current;
      setCorrectionId(correctionId);
      // In the draft before the hand-over: closed mid-way and sent again, it is this correction.
      await draft.keepId(correctionId).catch(() => undefined);
      let attachment: StoredPdf | undefined;
      if (pdf?.kind === 'new') {
        const sha256 = await sha256Hex(pdf.file);
        // The bytes are staged first: the worker must find them when the correction arrives.
        await api.stagePdf(correctionId, pdf.file, sha256);
        attachment = { name: storedPdfName(pdf.file), size: pdf.file.size, sha256 };
      } else if (pdf?.kind === 'kept') {
        attachment = pdf.attachment;
      }
      const createdAt = editing?.correction.createdAt ?? createdAtOf(correctionId);
      const parsed = CorrectionSchema.safeParse(
        buildCorrection(state, { id: correctionId, supersedes, createdAt, paper, pdf: attachment }),
      );
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? t('formSendInvalid'));
      const summary = editing ? await api.resubmit(parsed.data) : await api.submit(parsed.data);
      delivery.accept(summary);
      setStep('done');
      await draft.finish().catch(() => undefined);
    } catch (error) {
      setSendError(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <main class="correction-form" ref={root} tabIndex={-1} aria-labelledby="form-title">
      <header class="form-header">
        <h1 id="form-title" tabIndex={-1}>
          {editing ? t('formEditTitle') : t('formTitle')}
        </h1>
        <button type="button" class="close" onClick={() => onClose()}>
          {t('formClose')}
        </button>
      </header>
      {/* Over a narrow window the panel covers the page: say how to get back to it. */}
      <p class="hint close-hint">{t('formCloseHint')}</p>
      <div role="status" aria-live="polite" class="visually-hidden">
        {announcement}
      </div>
      {editing?.problem && (
        <p class="error banner" role="alert">
          {t('formEditProblem', editing.problem)}
        </p>
      )}
      {draft.restored && step === 'edit' && (
        <div class="banner" role="status">
          <span>{t('formDraftRestored')}</span>
          {draft.restored.hadPdf && <span> {t('formDraftPdfNotKept')}</span>}{' '}
          <button
            type="button"
            class="small"
            onClick={() => {
              // The banner and its button go away: focus the form's heading and say what happened.
              root.current?.querySelector<HTMLElement>('#form-title')?.focus();
              setAnnouncement(t('formDraftDiscarded'));
              void draft.discard();
            }}
          >
            {t('formDraftDiscard')}
          </button>
        </div>
      )}
      {step === 'edit' && (
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <GuidanceIntro />
          <PaperInfo paper={paper} />
          <FieldList paper={paper} state={state} dispatch={dispatch} />
          <AuthorList state={state} dispatch={dispatch} announce={setAnnouncement} />
          <PdfAttachment value={pdf} onChange={setPdf} />
          <WhySection state={state} dispatch={dispatch} />
          <SubmitterSection state={state} dispatch={dispatch} />
          <DeclarationSection state={state} dispatch={dispatch} />
          <SubmitBar
            problems={linkedProblems(problems, state)}
            onReview={() => problems.length === 0 && setStep('review')}
          />
        </form>
      )}
      {step === 'review' && (
        <ReviewStep
          correction={preview}
          pdf={pdfInfo}
          sending={sending}
          error={sendError}
          onBack={() => setStep('edit')}
          onSend={() => void send()}
        />
      )}
      {step === 'done' && delivery.item && <DeliveryStatus item={delivery.item} onClose={onClose} />}
    </main>
  );
}
