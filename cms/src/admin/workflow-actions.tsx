import * as React from 'react';
import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { unstable_useDocumentActions as useDocumentActions, type DocumentActionComponent, type DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useAuth, useForm, type StrapiApp } from '@strapi/strapi/admin';
import { PUBLISHER_ROLE_CODES, REVIEWER_ROLE_CODES, type ReviewState } from '../newsroom/desk';

/**
 * Review buttons on an article's edit view (issue 15): "Gửi duyệt", "Duyệt bài", "Trả lại" (with
 * the note the reporter will read). They only set `reviewState`/`reviewNote` through the content
 * manager's own update; every rule (who may approve, the note required, only approved articles
 * published) is the server's (cms/src/workflow/review.ts), so a button shown to the wrong person
 * just gets the server's refusal as a notification. Hidden while the form has unsaved changes:
 * the update reloads the document and would drop them.
 */
const ARTICLE = 'api::article.article';

function useReview(props: DocumentActionProps) {
  const { update } = useDocumentActions();
  const modified = useForm('ReviewAction', (state) => state.modified);
  const roles = useAuth('ReviewAction', (state) => state.user?.roles ?? []) as Array<{ code?: string }>;
  const state = ((props.document as { reviewState?: ReviewState } | undefined)?.reviewState ?? 'nhap') as ReviewState;
  const applies = props.model === ARTICLE && Boolean(props.documentId) && !modified;
  const setReview = async (data: { reviewState: ReviewState; reviewNote?: string }) => {
    const result = await update({ collectionType: props.collectionType, model: props.model, documentId: props.documentId }, data);
    return !('error' in result);
  };
  const has = (codes: readonly string[]) => roles.some((role) => codes.includes(role.code ?? ''));
  return { state, applies, isReviewer: has(REVIEWER_ROLE_CODES), isPublisher: has(PUBLISHER_ROLE_CODES), setReview };
}

const SubmitForReview: DocumentActionComponent = (props) => {
  const { state, applies, setReview } = useReview(props);
  if (!applies || (state !== 'nhap' && state !== 'tra-lai')) return null;
  return { label: 'Gửi duyệt', position: 'panel', variant: 'secondary', onClick: () => setReview({ reviewState: 'cho-duyet' }) };
};

const Approve: DocumentActionComponent = (props) => {
  const { state, applies, isReviewer, isPublisher, setReview } = useReview(props);
  // The Trưởng ban may approve from any state (the server allows it), e.g. before publishing a notice they wrote.
  if (!applies || !(isPublisher ? state !== 'da-duyet' : isReviewer && state === 'cho-duyet')) return null;
  return { label: 'Duyệt bài', position: 'panel', variant: 'success', onClick: () => setReview({ reviewState: 'da-duyet' }) };
};

function ReturnForm({ onClose, send }: { onClose: () => void; send: (note: string) => Promise<boolean> }) {
  const [note, setNote] = React.useState('');
  const [sending, setSending] = React.useState(false);
  return (
    <Flex direction="column" alignItems="stretch" gap={4} padding={6}>
      <Field.Root name="reviewNote" required hint="Phóng viên sẽ đọc ghi chú này: cần sửa gì, vì sao.">
        <Field.Label>Ghi chú cho phóng viên</Field.Label>
        <Textarea value={note} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Flex justifyContent="flex-end" gap={2}>
        <Button variant="tertiary" onClick={onClose}>
          Hủy
        </Button>
        <Button
          variant="danger-light"
          loading={sending}
          disabled={!note.trim()}
          onClick={async () => {
            setSending(true);
            const ok = await send(note.trim());
            setSending(false);
            if (ok) onClose();
          }}
        >
          Trả lại
        </Button>
      </Flex>
    </Flex>
  );
}

const ReturnToReporter: DocumentActionComponent = (props) => {
  const { state, applies, isReviewer, setReview } = useReview(props);
  if (!applies || !isReviewer || (state !== 'cho-duyet' && state !== 'da-duyet')) return null;
  return {
    label: 'Trả lại',
    position: 'panel',
    variant: 'danger-light',
    dialog: {
      type: 'modal',
      title: 'Trả lại bài cho phóng viên',
      content: ({ onClose }: { onClose: () => void }) => <ReturnForm onClose={onClose} send={(note) => setReview({ reviewState: 'tra-lai', reviewNote: note })} />,
    },
  };
};

const PUBLISH_PERMISSION = 'plugin::content-manager.explorer.publish';

/**
 * Strapi shows "Xuất bản" greyed out to whoever may not publish, and it takes the panel's first
 * place: a Phóng viên's "Gửi duyệt" then sits hidden in the "Thêm thao tác" menu. For them the
 * publish and unpublish actions are left out, so their own step is a button of the panel. The
 * original is still called on every render: the hooks inside it run in the same order.
 */
function onlyForPublishers(action: DocumentActionComponent): DocumentActionComponent {
  const Wrapped: DocumentActionComponent = (props) => {
    const description = action(props);
    const permissions = useAuth('PublishGuard', (state) => state.permissions) as Array<{ action: string; subject?: string | null }>;
    const canPublish = permissions.some((permission) => permission.action === PUBLISH_PERMISSION && permission.subject === props.model);
    return canPublish ? description : null;
  };
  return Object.assign(Wrapped, { type: action.type, position: action.position });
}

export function registerWorkflowActions(app: Pick<StrapiApp, 'getPlugin'>): void {
  const contentManager = app.getPlugin('content-manager').apis as {
    addDocumentAction(add: (actions: DocumentActionComponent[]) => DocumentActionComponent[]): void;
  };
  // The panel shows its first two actions and puts the rest in "Thêm thao tác": after "Xuất bản"
  // (publishers only) and "Lưu" come the review steps, so a reporter sees "Gửi duyệt" and an
  // editor "Duyệt bài" beside "Lưu", before Strapi's own unpublish and discard.
  contentManager.addDocumentAction((actions) => {
    const guarded = actions.map((action) => (action.type === 'publish' || action.type === 'unpublish' ? onlyForPublishers(action) : action));
    const first = guarded.filter((action) => action.type === 'publish' || action.type === 'update');
    return [...first, SubmitForReview, Approve, ReturnToReporter, ...guarded.filter((action) => !first.includes(action))];
  });
}
