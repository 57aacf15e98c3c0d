// New corrections: without and with a PDF, and a revision that supersedes an earlier one.
import { type ConformanceCase, describeAnswer, is2xx, sameAnswer, verdict } from './case';
import { describePdf, pdfFile, testCorrection } from './corrections';
import { deliver } from './requests';

export const plainCorrection: ConformanceCase = {
  id: 'plain',
  title: 'a plain correction',
  rule: 'a new correction is stored, then answered 2xx (Answers; Idempotency 1)',
  async run(target) {
    const correction = testCorrection();
    const answer = await deliver(correction, target);
    return {
      sent: `a new correction as JSON (${correction.id})`,
      answered: describeAnswer(answer),
      verdict: verdict(is2xx(answer)),
    };
  },
};

export const correctionWithPdf: ConformanceCase = {
  id: 'pdf',
  title: 'a correction with a PDF',
  rule: 'multipart/form-data with parts "correction" and "pdf" (a real PDF matching pdf.size and pdf.sha256) is stored, answered 2xx (The PDF)',
  async run(target) {
    const file = pdfFile();
    const correction = testCorrection(undefined, { pdf: describePdf(file) });
    const answer = await deliver(correction, target, { file });
    return {
      sent: `a new correction with a ${file.byteLength}-byte PDF as multipart (${correction.id})`,
      answered: describeAnswer(answer),
      verdict: verdict(is2xx(answer)),
    };
  },
};

export const revision: ConformanceCase = {
  id: 'revision',
  title: 'a revision that supersedes another',
  rule: 'a revision is a new correction (new id, supersedes: the earlier id): both are kept, each replays its own answer (Payload fields: supersedes; Idempotency 2)',
  async run(target) {
    const original = testCorrection('A Paper the Conformance Kit Corrected Once');
    const edited = testCorrection('A Paper the Conformance Kit Corrected Twice', {
      createdAt: original.createdAt,
      supersedes: original.id,
    });
    const first = await deliver(original, target);
    const second = await deliver(edited, target);
    const firstAgain = await deliver(original, target);
    const secondAgain = await deliver(edited, target);
    const pass = is2xx(first) && is2xx(second) && sameAnswer(first, firstAgain) && sameAnswer(second, secondAgain);
    return {
      sent: `${original.id}, then its revision ${edited.id}, then each again`,
      answered: [first, second, firstAgain, secondAgain].map(describeAnswer).join(' / '),
      verdict: verdict(pass),
    };
  },
};
