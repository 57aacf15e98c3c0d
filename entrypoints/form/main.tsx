import { render } from 'preact';
import { FormPage } from '../../components/form/FormPage';
import { t, uiLanguage } from '../../lib/i18n';
import '../../components/form/form.css';

document.documentElement.lang = uiLanguage();
document.title = t('formTitle');
render(<FormPage />, document.getElementById('app')!);
