import { render } from 'preact';

render(<p>Erratum</p>, document.getElementById('app')!);
