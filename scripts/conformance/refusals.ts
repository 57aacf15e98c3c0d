// What an endpoint must refuse: a file that is not a PDF, a body that is too large.
import { type ConformanceCase, describeAnswer, verdict } from './case';
import { describePdf, pdfFile, pngFile, testCorrection } from './corrections';
import { deliver, deliverOversized } from './requests';

/** docs/endpoint.md: a correction and a 10 MB PDF fit in 12 MB; above that an endpoint answers 413. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

export const renamedPng: ConformanceCase = {
  id: 'bad-pdf',
  title: 'a bad PDF (a PNG renamed .pdf)',
  rule: 'the file must start with %PDF-; otherwise 422 (The PDF)',
  async run(target) {
    const file = pngFile();
    const correction = testCorrection(undefined, { pdf: describePdf(file, 'paper.pdf') });
    const answer = await deliver(correction, target, { file });
    return {
      sent: `a PNG as paper.pdf, its size and sha256 declared (${correction.id})`,
      answered: describeAnswer(answer),
      verdict: verdict(answer.status === 422),
    };
  },
};

export const tooLargeBody: ConformanceCase = {
  id: 'too-large',
  title: 'a too-large body',
  rule: `a body over ${MAX_BODY_BYTES / 1024 / 1024} MB → 413, which may come before the body is read (The PDF)`,
  async run(target) {
    const file = pdfFile(MAX_BODY_BYTES + 1024);
    const correction = testCorrection(undefined, { pdf: { ...describePdf(pdfFile()), name: 'huge.pdf' } });
    const answer = await deliverOversized(correction, file, target);
    return {
      sent: `a multipart body with a ${(file.byteLength / 1024 / 1024).toFixed(1)} MB PDF (${correction.id})`,
      answered: describeAnswer(answer),
      verdict: verdict(answer.status === 413),
    };
  },
};
