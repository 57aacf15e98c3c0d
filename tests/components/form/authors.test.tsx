import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { declare, fakeApi, renderForm, reviewBlocked, reviewButton, submitReason, type, typeAndLeave } from './harness';

function authorRows(): HTMLElement[] {
  return within(screen.getByRole('group', { name: 'Authors' })).getAllByRole('listitem');
}

function authorNames(): string[] {
  return authorRows().map((row) => row.querySelector('.author-name')!.textContent!);
}

function goToReview(): HTMLElement {
  declare();
  fireEvent.click(reviewButton());
  return screen.getByRole('heading', { name: 'Review your correction' }).closest('section')!;
}

describe('author corrections', () => {
  it('expands an author to edit an affiliation, and the review shows old → new', () => {
    renderForm();
    const expand = screen.getByRole('button', { name: 'Edit Alan Turing' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    type(screen.getByLabelText('Affiliation 1'), 'Princeton University');
    const review = goToReview();
    expect(review.textContent).toContain('Correct Alan Turing:');
    expect(review.textContent).toContain('Alan Turing — University of Cambridge');
    expect(review.textContent).toContain('Alan Turing — Princeton University');
  });

  it('adds and removes affiliation lines', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Ada Lovelace' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add affiliation' }));
    type(screen.getByLabelText('Affiliation 2'), 'University of London');
    fireEvent.click(screen.getByRole('button', { name: 'Remove affiliation 1' }));
    expect((screen.getByLabelText('Affiliation 1') as HTMLInputElement).value).toBe('University of London');
    expect(screen.queryByLabelText('Affiliation 2')).toBeNull();
  });

  it('says when an ORCID iD fails its check digit', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Grace Hopper' }));
    const orcid = screen.getByLabelText('ORCID iD');
    typeAndLeave(orcid, '0000-0002-1825-0098');
    const error = document.getElementById(orcid.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toMatch(/check digit does not match/);
    expect(orcid.getAttribute('aria-invalid')).toBe('true');
    expect(submitReason()).toMatch(/^Author Grace Hopper: .*check digit does not match/);
    type(orcid, '0000-0002-1825-0097');
    expect(screen.queryAllByText(/check digit does not match/)).toEqual([]);
    expect(orcid.getAttribute('aria-invalid')).toBe('false');
  });

  it('marks an author for removal, struck through, and undoes it', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ada Lovelace' }));
    const row = authorRows()[0]!;
    expect(row.querySelector('s')?.textContent).toBe('Ada Lovelace');
    expect(row.textContent).toContain('to be removed');
    declare();
    expect(reviewBlocked()).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo removing Ada Lovelace' }));
    expect(authorRows()[0]!.querySelector('s')).toBeNull();
    expect(reviewBlocked()).toBe(true);
  });

  it('adds an author, who needs a name once anything is typed', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Add author' }));
    expect(authorRows()).toHaveLength(4);
    const row = authorRows()[3]!;
    // Focus moves from the button to the new author's first field, above it.
    expect(document.activeElement).toBe(within(row).getByLabelText('Given name'));
    type(within(row).getByLabelText('Affiliation 1'), 'Institute for Advanced Study');
    expect(submitReason()).toBe("Author 4: Enter the author's name.");
    type(within(row).getByLabelText('Name as displayed'), 'Kurt Gödel');
    expect(submitReason()).toBe('Confirm the author declaration.');
    const review = goToReview();
    expect(review.textContent).toContain('Add Kurt Gödel — Institute for Advanced Study at position 4');
  });

  it('reorders with the arrow buttons and announces each move', async () => {
    const { api } = fakeApi();
    renderForm({}, api);
    fireEvent.click(screen.getByRole('button', { name: 'Move Grace Hopper up' }));
    expect(authorNames()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    expect(screen.getByText('Moved Grace Hopper to position 2 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Move Grace Hopper up' }));
    expect(authorNames()).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
    expect(screen.getByText('Moved Grace Hopper to position 1 of 3').getAttribute('role')).toBe('status');
    expect((screen.getByRole('button', { name: 'Move Grace Hopper up' }) as HTMLButtonElement).disabled).toBe(true);
    // Up is disabled at the top: focus stays in the moved author's row, on the other arrow.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Grace Hopper down' }));

    const review = goToReview();
    expect(review.textContent).toContain('Ada Lovelace, Alan Turing, Grace Hopper');
    expect(review.textContent).toContain('Grace Hopper, Ada Lovelace, Alan Turing');
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    const sent = api.submit.mock.calls[0]![0];
    expect(sent.authorChanges).toEqual([
      {
        kind: 'reorder',
        from: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
        to: ['Grace Hopper', 'Ada Lovelace', 'Alan Turing'],
      },
    ]);
    expect(sent.proposedAuthors?.map((a) => a.name)).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
  });

  it('reorders by drag and drop', () => {
    renderForm();
    const [ada, , grace] = authorRows();
    fireEvent.dragStart(grace!.querySelector('[draggable="true"]')!);
    fireEvent.dragOver(ada!);
    fireEvent.drop(ada!);
    expect(authorNames()).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
    expect(screen.getByText('Moved Grace Hopper to position 1 of 3')).toBeTruthy();
  });

  it('opens with the clicked author expanded', () => {
    renderForm({ openAt: { field: 'author', authorIndex: 1 } });
    expect(screen.getByRole('button', { name: 'Edit Alan Turing' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Edit Ada Lovelace' }).getAttribute('aria-expanded')).toBe('false');
    expect((screen.getByLabelText('Name as displayed') as HTMLInputElement).value).toBe('Alan Turing');
  });
});
