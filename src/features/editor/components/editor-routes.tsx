// The editor's routes, nested under /editor (one lazy chunk: the public routes never load it).
import { Route, Switch } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { EditorHome } from './editor-home';
import { ListingEditPage } from './listing-edit-page';
import { ReportsPage } from './reports-page';
import { ReviewPage } from './review-page';
import './editor.css';
import { registerMessages } from '../../../i18n/messages';
import { editor } from '../../../i18n/messages/editor';
import { report } from '../../../i18n/messages/report';
import { editingWidgets } from '../../../i18n/messages/editing-widgets';

// this chunk's messages join the eager ones when it loads (i18n/messages/index.ts)
registerMessages(editor);
registerMessages(report);
registerMessages(editingWidgets);

export default function EditorRoutes() {
  const { t } = useI18n();
  return (
    <div className="page editor-page">
      <Switch>
        <Route path="/" component={EditorHome} />
        <Route path="/review" component={ReviewPage} />
        <Route path="/reports" component={ReportsPage} />
        <Route path="/:kind/:id" component={ListingEditPage} />
        <Route>
          <h1>{t('common.notFound')}</h1>
        </Route>
      </Switch>
    </div>
  );
}
