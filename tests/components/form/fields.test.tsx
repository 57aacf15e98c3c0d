import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { declare, renderForm, reviewBlocked, selectField, submitReason, type, typeAndLeave } from './harness';

describe('field corrections', () => {
  it('refuses to go on, in words, while nothing is selected', () => {
    renderForm();
    expect(reviewBlocked()).toBe(true);
    expect(submitReason()).toBe('Select at least one field to correct using the edit buttons above.');
  });

  it('shows each field with its current value, or says the page does not show it', () => {
    renderForm();
    const doiRow = screen.getByRole('button', { name: 'Edit DOI' }).closest('li')!;
    expect(doiRow.textContent).toContain('10.1112/plms/s2-42.1.230');
    const pmidRow = screen.getByRole('button', { name: 'Edit PubMed ID' }).closest('li')!;
    expect(pmidRow.textContent).toContain('not shown on the page');
  });

  it('opens an editor with the current value when a field is selected, and closes it again', () => {
    renderForm();
    const button = screen.getByRole('button', { name: 'Edit Venue' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const row = button.closest('li')!;
    expect(row.textContent).toContain('Current value');
    expect(screen.getByLabelText('Suggested correction (Venue)').tagName).toBe('INPUT');
    fireEvent.click(button);
    expect(screen.queryByLabelText('Suggested correction (Venue)')).toBeNull();
  });

  it('uses a text area for the abstract and a number input for the year', () => {
    renderForm();
    expect(selectField('Abstract').tagName).toBe('TEXTAREA');
    expect(selectField('Year').getAttribute('type')).toBe('number');
  });

  it('says an empty or unchanged suggestion is not a correction', () => {
    renderForm();
    const title = selectField('Title');
    expect(screen.getByText(/an empty suggestion is not sent/)).toBeTruthy();
    type(title, '  On Computable Numbers ');
    expect(screen.getByText(/same as the current value, so this field will not be sent/)).toBeTruthy();
    declare();
    expect(reviewBlocked()).toBe(true);
    expect(submitReason()).toBe('Nothing to send yet: enter a correction that differs from the current value.');
  });

  it.each([
    ['Year', '37', 'Enter a four-digit year, such as 2021.'],
    ['Publication date', '1936-02-30', 'Enter a real date as YYYY-MM-DD (or YYYY-MM, or YYYY).'],
    ['DOI', 'doi 10/abc', 'Enter a DOI such as 10.1234/abcd.'],
    ['arXiv ID', '2101.1', 'Enter an arXiv ID such as 2101.01234.'],
    ['PubMed ID', 'PMC42', 'Enter a PubMed ID: digits only.'],
    ['PDF link', 'example.org/paper.pdf', 'Enter a web address starting with https:// or http://.'],
  ])('validates the %s after the user leaves it', (field, typed, message) => {
    renderForm();
    declare();
    const input = selectField(field);
    type(input, typed);
    expect(screen.queryByText(message)).toBeNull();
    expect(submitReason()).toBe(`${field}: ${message}`);
    fireEvent.blur(input);
    const error = screen.getByText(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(reviewBlocked()).toBe(true);
  });

  it('accepts a valid suggestion and clears the error as the user fixes it', () => {
    renderForm();
    declare();
    const doi = selectField('DOI');
    typeAndLeave(doi, '10.1112');
    expect(screen.getByText('Enter a DOI such as 10.1234/abcd.')).toBeTruthy();
    type(doi, 'https://doi.org/10.1112/plms/s2-43.6.544');
    expect(screen.queryByText('Enter a DOI such as 10.1234/abcd.')).toBeNull();
    expect(doi.getAttribute('aria-invalid')).toBe('false');
    expect(reviewBlocked()).toBe(false);
    expect(submitReason()).toBeNull();
  });
});

describe('submitter and declaration', () => {
  it('are prefilled from the options', () => {
    renderForm();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.org');
  });

  it('require a name, a valid email and the declaration, naming the first missing', () => {
    renderForm({ submitter: { name: '', email: '' } });
    type(selectField('Year'), '1937');
    expect(submitReason()).toBe('Enter your name.');
    type(screen.getByLabelText('Name'), 'Alan Turing');
    expect(submitReason()).toBe('Enter your email address.');
    const email = screen.getByLabelText('Email');
    typeAndLeave(email, 'alan@');
    expect(submitReason()).toBe('Enter a valid email address, such as name@example.org.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    type(email, 'alan@example.org');
    expect(submitReason()).toBe('Confirm the author declaration.');
    expect(reviewBlocked()).toBe(true);
    declare();
    expect(reviewBlocked()).toBe(false);
  });

  it('validates the evidence link', () => {
    renderForm();
    declare();
    type(selectField('Year'), '1937');
    const evidence = screen.getByLabelText('Evidence link');
    typeAndLeave(evidence, 'see the journal');
    expect(submitReason()).toBe('Evidence link: Enter a web address starting with https:// or http://.');
    expect(evidence.getAttribute('aria-invalid')).toBe('true');
    type(evidence, 'https://example.org/erratum');
    expect(reviewBlocked()).toBe(false);
  });
});
