import { useEffect, useState } from 'preact/hooks';
import { checkPdfFile, formatFileSize } from '../../lib/form/pdf-file';
import { t, uiLanguage } from '../../lib/i18n';
import type { PdfAttachment as StoredPdf } from '../../lib/schema/correction';
import { MAX_PDF_BYTES } from '../../lib/schema/fields';

/** A PDF picked now, or (edit mode) the one already staged with the correction. */
export type PdfChoice = { kind: 'new'; file: File } | { kind: 'kept'; attachment: StoredPdf };

export function fileSizeText(bytes: number): string {
  const { amount, unit } = formatFileSize(bytes, uiLanguage());
  return t(`formSize${unit === 'bytes' ? 'Bytes' : unit}`, amount);
}

interface PdfAttachmentProps {
  value: PdfChoice | null;
  onChange: (value: PdfChoice | null) => void;
}

export function PdfAttachment({ value, onChange }: PdfAttachmentProps) {
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // A file dropped anywhere else in the frame would make the browser open it in place of the
    // form, losing what is not yet in the draft (the PDF itself). Only the drop zone takes files.
    const refuseStrayFile = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    addEventListener('dragover', refuseStrayFile);
    addEventListener('drop', refuseStrayFile);
    return () => {
      removeEventListener('dragover', refuseStrayFile);
      removeEventListener('drop', refuseStrayFile);
    };
  }, []);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const check = await checkPdfFile(file);
    if (check.ok) {
      setError(null);
      onChange({ kind: 'new', file });
      return;
    }
    // A refused file replaces the previous choice: an error beside a file that stays attached
    // reads as if that file were the one refused.
    onChange(null);
    if (check.problem === 'empty') setError(t('formPdfEmpty', file.name));
    if (check.problem === 'not-pdf') setError(t('formPdfNotPdf', file.name));
    if (check.problem === 'too-large')
      setError(t('formPdfTooLarge', file.name, fileSizeText(file.size), fileSizeText(MAX_PDF_BYTES)));
  };

  const name = value?.kind === 'new' ? value.file.name : value?.attachment.name;
  const size = value?.kind === 'new' ? value.file.size : value?.attachment.size;
  return (
    <fieldset class="section">
      <legend>{t('formPdfLegend')}</legend>
      <p class="hint" id="pdf-hint">
        {t('formPdfHint', fileSizeText(MAX_PDF_BYTES))}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is for mouse users; the file input inside it is the keyboard path */}
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void choose(e.dataTransfer?.files[0]);
        }}
      >
        {/* The native input is visually hidden (it stays focusable and is what the keyboard and
            screen readers use): its own "No file chosen" would sit beside the file we list. */}
        <input
          id="pdf-file"
          class="visually-hidden"
          type="file"
          accept="application/pdf,.pdf"
          aria-describedby={error ? 'pdf-hint pdf-error' : 'pdf-hint'}
          aria-invalid={error !== null}
          onChange={(e) => {
            const input = e.currentTarget;
            void choose(input.files?.[0]);
            // Cleared so that picking the same file again after removing it still fires change.
            input.value = '';
          }}
        />
        <label for="pdf-file" class="file-button">
          {t('formPdfChoose')}
        </label>{' '}
        <span class="muted">{t('formPdfDrop')}</span>
      </div>
      {error && (
        <p id="pdf-error" class="error" role="alert">
          <span>{error}</span> <span>{t('formPdfNoneAttached')}</span>
        </p>
      )}
      {value && name !== undefined && size !== undefined && (
        <p class="pdf-chosen">
          <span>{t('formPdfAttached', name, fileSizeText(size))}</span>
          <button type="button" class="small" onClick={() => onChange(null)} aria-label={t('formPdfRemoveNamed', name)}>
            {t('formRemove')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
