import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { uiLanguage } from '../../lib/i18n';
import '../../components/queue/theme.css';
import '../../components/queue/queue.css';
import '../../components/options/options.css';

// Screen readers and font fallback follow the language the strings are in.
document.documentElement.lang = uiLanguage();
render(<OptionsPage />, document.getElementById('app')!);
