import type { ReviewState } from '../../../lib/schema/status';
import type { AclProblem } from '../export/acl-anthology';

// The inbox's words in English and Japanese, chosen by the browser's Accept-Language.

export type Language = 'en' | 'ja';

const EN = {
  inbox: 'Corrections inbox',
  signIn: 'Sign in to the inbox',
  yourName: 'Your name (recorded with each decision)',
  curatorToken: 'Curator token',
  signInButton: 'Sign in',
  signOut: 'Sign out',
  wrongToken: 'That is not the curator token.',
  nameMissing: 'Enter your name.',
  inboxOff: 'The inbox is off: start the receiver with CURATOR_TOKEN set (npm run receiver) to open it.',
  filters: 'Filter',
  state: 'State',
  anyState: 'Any state',
  site: 'Site',
  doi: 'DOI',
  titleSearch: 'Title contains',
  apply: 'Show',
  clear: 'Clear',
  received: 'Received',
  title: 'Title',
  submitter: 'Submitter',
  noTitle: '(no title)',
  none: 'No corrections match.',
  older: 'Older corrections',
  newest: 'Newest',
  back: 'Back to the inbox',
  page: 'Page it came from',
  changes: 'Changed fields',
  field: 'Field',
  before: 'Before',
  after: 'After',
  authors: 'Authors',
  authorsBefore: 'Before',
  authorsAfter: 'After',
  added: 'added',
  removed: 'removed',
  movedFrom: 'moved from',
  edited: 'edited',
  comment: 'Comment',
  evidence: 'Evidence',
  pdf: 'PDF',
  download: 'Download the PDF',
  decide: 'Decision',
  noteToReader: 'Note to the reader (they see it in Erratum)',
  accept: 'Accept',
  reject: 'Reject',
  markApplied: 'Mark applied',
  history: 'History',
  who: 'Who',
  when: 'When',
  note: 'Note',
  noHistory: 'No decision yet.',
  notFound: 'No correction with this id.',
  badForm: 'The form expired: reload the page and try again.',
  replaces: 'Replaces',
  replacedBy: 'Replaced by',
  exports: 'Export',
  exportAcl: 'ACL Anthology correction (JSON)',
  exportCsl: 'Corrected record (CSL-JSON)',
  exportMessage: 'Message for the publisher (plain text)',
  aclNotOffered: 'No ACL Anthology export:',
  aclLeftOut: 'Not in the ACL Anthology JSON (it carries only title, abstract and authors):',
  aclProblem: (problem: AclProblem): string => {
    switch (problem.kind) {
      case 'not-anthology':
        return 'this correction is not of an ACL Anthology paper (no Anthology id in its page, PDF link or DOI).';
      case 'nothing-carried':
        return `the ACL Anthology's correction JSON carries only the title, abstract and authors; this correction changes ${problem.fields.join(', ')}.`;
      case 'author-id':
        return `the Anthology id of “${problem.name}” cannot be made from the name; file the author change by hand.`;
      case 'author-unnamed':
        return 'an author in the proposed list has no name the Anthology can file.';
    }
  },
  states: { received: 'Received', accepted: 'Accepted', rejected: 'Rejected', applied: 'Applied' } as Record<
    ReviewState,
    string
  >,
};

export type Words = typeof EN;

const JA: Words = {
  inbox: '訂正の受信箱',
  signIn: '受信箱にサインイン',
  yourName: 'お名前（各判断とともに記録されます）',
  curatorToken: 'キュレーター用トークン',
  signInButton: 'サインイン',
  signOut: 'サインアウト',
  wrongToken: 'キュレーター用トークンが違います。',
  nameMissing: 'お名前を入力してください。',
  inboxOff: '受信箱は無効です。CURATOR_TOKEN を設定して受信サーバー（npm run receiver）を起動してください。',
  filters: '絞り込み',
  state: '状態',
  anyState: 'すべての状態',
  site: 'サイト',
  doi: 'DOI',
  titleSearch: 'タイトルに含む',
  apply: '表示',
  clear: 'クリア',
  received: '受信日時',
  title: 'タイトル',
  submitter: '送信者',
  noTitle: '（タイトルなし）',
  none: '該当する訂正はありません。',
  older: 'さらに古い訂正',
  newest: '最新',
  back: '受信箱に戻る',
  page: '送信元のページ',
  changes: '変更された項目',
  field: '項目',
  before: '変更前',
  after: '変更後',
  authors: '著者',
  authorsBefore: '変更前',
  authorsAfter: '変更後',
  added: '追加',
  removed: '削除',
  movedFrom: '移動元',
  edited: '編集',
  comment: 'コメント',
  evidence: '根拠',
  pdf: 'PDF',
  download: 'PDF をダウンロード',
  decide: '判断',
  noteToReader: '読者へのメモ（Erratum に表示されます）',
  accept: '承認',
  reject: '却下',
  markApplied: '反映済みにする',
  history: '履歴',
  who: '担当',
  when: '日時',
  note: 'メモ',
  noHistory: 'まだ判断はありません。',
  notFound: 'この ID の訂正はありません。',
  badForm: 'フォームの有効期限が切れました。ページを再読み込みしてください。',
  replaces: '置き換え対象',
  replacedBy: '置き換え先',
  exports: 'エクスポート',
  exportAcl: 'ACL Anthology 訂正データ（JSON）',
  exportCsl: '訂正後の書誌（CSL-JSON）',
  exportMessage: '出版社への連絡文（テキスト）',
  aclNotOffered: 'ACL Anthology 形式では出力できません：',
  aclLeftOut: 'ACL Anthology の JSON に含まれない項目（タイトル・抄録・著者のみ対応）：',
  aclProblem: (problem) => {
    switch (problem.kind) {
      case 'not-anthology':
        return 'この訂正は ACL Anthology の論文のものではありません（ページ・PDF リンク・DOI に Anthology ID がありません）。';
      case 'nothing-carried':
        return `ACL Anthology の訂正 JSON はタイトル・抄録・著者のみを扱います。この訂正で変わる項目：${problem.fields.join(', ')}。`;
      case 'author-id':
        return `「${problem.name}」の Anthology ID を名前から作れません。著者の変更は手作業で届け出てください。`;
      case 'author-unnamed':
        return '提案された著者リストに、Anthology に登録できる名前のない著者がいます。';
    }
  },
  states: { received: '受信済み', accepted: '承認済み', rejected: '却下', applied: '反映済み' },
};

export const DICTIONARIES: Record<Language, Words> = { en: EN, ja: JA };

/** The first of en / ja the Accept-Language header prefers (RFC 9110 §12.5.4); English otherwise. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranges) {
    if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}
