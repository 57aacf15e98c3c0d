import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderForm } from './harness';

const MB = 1024 * 1024;

function pdfBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7
  return bytes;
}

function pick(file: File): void {
  fireEvent.change(screen.getByLabelText('Choose a PDF file'), { target: { files: [file] } });
}

describe('PDF attachment', () => {
  it('refuses a file over 10 MB, saying how large it is', async () => {
    renderForm();
    pick(new File([pdfBytes(10.5 * MB)], 'corrected.pdf', { type: 'application/pdf' }));
    const error = await screen.findByText('corrected.pdf is 10.5 MB; the limit is 10 MB.');
    expect(error.closest('[role="alert"]')?.textContent).toBe(
      'corrected.pdf is 10.5 MB; the limit is 10 MB. No PDF is attached.',
    );
    expect(screen.getByLabelText('Choose a PDF file').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Remove corrected.pdf' })).toBeNull();
  });

  it('refuses a PNG renamed .pdf, by its content', async () => {
    renderForm();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    pick(new File([png], 'figure.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('figure.pdf is not a PDF file (its content is not PDF).')).toBeTruthy();
  });

  it('refuses an empty file', async () => {
    renderForm();
    pick(new File([], 'empty.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('empty.pdf is empty.')).toBeTruthy();
  });

  it('accepts a real PDF and shows its name and size, and can remove it', async () => {
    renderForm();
    pick(new File([pdfBytes(1536)], 'corrected.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('corrected.pdf (1.5 KB)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove corrected.pdf' }));
    expect(screen.queryByText('corrected.pdf (1.5 KB)')).toBeNull();
  });

  it('offers PDF files only, and says so', () => {
    renderForm();
    const input = screen.getByLabelText('Choose a PDF file') as HTMLInputElement;
    expect(input.accept.split(',')).toContain('application/pdf');
    expect(screen.getByText(/^PDF only, up to 10 MB/)).toBeTruthy();
  });

  it('lets a refused file replace the one attached before, so the error is not beside it', async () => {
    renderForm();
    pick(new File([pdfBytes(1536)], 'corrected.pdf', { type: 'application/pdf' }));
    await screen.findByText('corrected.pdf (1.5 KB)');
    pick(new File([], 'empty.pdf', { type: 'application/pdf' }));
    await screen.findByText('empty.pdf is empty.');
    expect(screen.queryByText('corrected.pdf (1.5 KB)')).toBeNull();
  });

  it('accepts a PDF whatever its name says', async () => {
    renderForm();
    pick(new File([pdfBytes(300)], 'download.bin', { type: 'application/octet-stream' }));
    expect(await screen.findByText('download.bin (300 bytes)')).toBeTruthy();
  });

  it('takes a file dropped on the drop zone, and a good file clears an earlier error', async () => {
    renderForm();
    pick(new File([], 'empty.pdf'));
    await screen.findByText('empty.pdf is empty.');
    const zone = screen.getByText('or drop it here').parentElement!;
    fireEvent.drop(zone, { dataTransfer: { files: [new File([pdfBytes(2 * MB)], 'dropped.pdf')] } });
    expect(await screen.findByText('dropped.pdf (2 MB)')).toBeTruthy();
    expect(screen.queryByText('empty.pdf is empty.')).toBeNull();
  });
});
