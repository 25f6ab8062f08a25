import * as React from 'react';
import { useDispatch } from 'react-redux';
import { Badge, Box, Button, Dialog, Field, Flex, Modal, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { REVIEWER_ROLE_CODES } from '../newsroom/desk';
import { dateTime } from './date-time';

/**
 * "Lịch sử xuất bản" (issue 15): a side panel on an article's form with its published versions
 * (who, when), a window that compares two of them, or one with the current draft, field by field
 * and paragraph by paragraph, and "Khôi phục" that writes a version into the draft after a
 * confirmation. Everything comes from the workflow's admin routes (cms/src/workflow/admin-routes.ts);
 * the server decides who may restore, the button is only hidden from the Phóng viên.
 */
const ARTICLE = 'api::article.article';
const DRAFT = 'draft';

interface Version {
  id: number;
  number: number;
  title: string | null;
  madeAt: string;
  madeBy: string | null;
  madeByName: string | null;
}

interface FieldChange {
  field: string;
  label: string;
  beforeText: string;
  afterText: string;
}

interface Diff {
  fields: FieldChange[];
  bodyChanged: boolean;
  text: Array<{ op: 'same' | 'removed' | 'added'; text: string }>;
}

const versionsUrl = (documentId: string) => `/admin/toa-soan/articles/${encodeURIComponent(documentId)}/versions`;

const versionName = (ref: string) => (ref === DRAFT ? 'Bản nháp hiện tại' : `Bản ${ref}`);

/** The message of a refusal from the admin routes, in the server's Vietnamese. */
function errorText(error: unknown): string {
  const data = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data;
  return data?.error?.message ?? 'Không tải được lịch sử bài viết. Hãy thử lại.';
}

function useVersions(documentId: string, refreshKey: unknown) {
  const { get } = useFetchClient();
  const [versions, setVersions] = React.useState<Version[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const reload = React.useCallback(() => {
    let current = true;
    get<{ data: Version[] }>(versionsUrl(documentId))
      .then((res) => current && (setVersions(res.data.data), setError(null)))
      .catch((err: unknown) => current && setError(errorText(err)));
    return () => {
      current = false;
    };
  }, [get, documentId]);
  // A publish made from this form adds a version: read again when the document changes.
  React.useEffect(reload, [reload, refreshKey]);
  return { versions, error };
}

/** Removed text struck through on red, added text on green, the rest muted. */
function TextDiff({ text }: { text: Diff['text'] }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1} tag="ol" aria-label="Thay đổi trong nội dung bài">
      {text.map((change, index) => (
        <Box
          key={index}
          tag="li"
          padding={2}
          hasRadius
          background={change.op === 'added' ? 'success100' : change.op === 'removed' ? 'danger100' : undefined}
          data-change={change.op}
          style={{ listStyle: 'none' }}
        >
          <Typography
            textColor={change.op === 'same' ? 'neutral600' : 'neutral800'}
            style={{
              textDecoration: change.op === 'removed' ? 'line-through' : undefined,
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
          >
            <Typography fontWeight="bold" textColor={change.op === 'added' ? 'success700' : change.op === 'removed' ? 'danger700' : 'neutral500'}>
              {change.op === 'added' ? '+ ' : change.op === 'removed' ? '− ' : '  '}
            </Typography>
            {change.text}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}

function FieldChanges({ fields, from, to }: { fields: FieldChange[]; from: string; to: string }) {
  const cell = (text: string, tone: 'danger100' | 'success100') => (
    <Box padding={2} hasRadius background={text ? tone : 'neutral100'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <Typography textColor={text ? 'neutral800' : 'neutral500'}>{text || '(trống)'}</Typography>
    </Box>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {fields.map((change) => (
        <Box key={change.field} data-field={change.field}>
          <Typography variant="omega" fontWeight="bold" tag="h4">
            {change.label}
          </Typography>
          <Box
            paddingTop={1}
            style={{
              display: 'grid',
              gap: 8,
              gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
            }}
          >
            <Box>
              <Typography variant="pi" textColor="neutral600">
                {versionName(from)}
              </Typography>
              {cell(change.beforeText, 'danger100')}
            </Box>
            <Box>
              <Typography variant="pi" textColor="neutral600">
                {versionName(to)}
              </Typography>
              {cell(change.afterText, 'success100')}
            </Box>
          </Box>
        </Box>
      ))}
    </Flex>
  );
}

function Comparison({ documentId, from, to }: { documentId: string; from: string; to: string }) {
  const { get } = useFetchClient();
  const [diff, setDiff] = React.useState<Diff | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let current = true;
    setDiff(null);
    get<{ data: Diff }>(`${versionsUrl(documentId)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      .then((res) => current && (setDiff(res.data.data), setError(null)))
      .catch((err: unknown) => current && setError(errorText(err)));
    return () => {
      current = false;
    };
  }, [get, documentId, from, to]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!diff) return <Typography textColor="neutral600">Đang so sánh…</Typography>;
  if (diff.fields.length === 0 && !diff.bodyChanged) {
    return <Typography textColor="neutral600">Hai bản giống nhau: không có trường nào thay đổi.</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={5} data-testid="version-diff">
      {diff.fields.length > 0 && (
        <Box>
          <Typography variant="delta" tag="h3">
            Trường đã thay đổi ({diff.fields.length})
          </Typography>
          <Box paddingTop={3}>
            <FieldChanges fields={diff.fields} from={from} to={to} />
          </Box>
        </Box>
      )}
      {diff.bodyChanged && (
        <Box>
          <Typography variant="delta" tag="h3">
            Nội dung bài
          </Typography>
          <Typography variant="pi" tag="p" textColor="neutral600">
            Đoạn bị bỏ gạch ngang trên nền đỏ, đoạn thêm mới trên nền xanh; ảnh trong bài ghi là [Ảnh] kèm chú thích.
          </Typography>
          <Box paddingTop={3}>
            <TextDiff text={diff.text} />
          </Box>
        </Box>
      )}
    </Flex>
  );
}

function RestoreButton({ documentId, version, onRestored }: { documentId: string; version: Version; onRestored: () => void }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  const restore = async () => {
    setBusy(true);
    try {
      await post(`${versionsUrl(documentId)}/${version.number}/restore`, {});
      toggleNotification({
        type: 'success',
        message: `Đã khôi phục bản ${version.number} vào bản nháp. Bài cần được duyệt lại trước khi xuất bản.`,
      });
      onRestored();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="secondary" size="S" loading={busy}>
          Khôi phục bản {version.number}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>Khôi phục bản {version.number}?</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography tag="p">
              Bản nháp sẽ được thay bằng nội dung bản {version.number} ({dateTime(version.madeAt)}). Những gì đang có trong bản nháp mà bản {version.number} không
              có sẽ mất.
            </Typography>
            <Typography tag="p" textColor="neutral600">
              Bài đang hiện trên trang không đổi cho đến khi xuất bản lại; bản khôi phục phải được duyệt lại.
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">Hủy</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant="danger-light" onClick={restore}>
              Khôi phục
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

function VersionSelect({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <Field.Root name={label} style={{ minWidth: 180, flex: 1 }}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(next: string | number) => onChange(String(next))}>
        {options.map((option) => (
          <SingleSelectOption key={option} value={option}>
            {versionName(option)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}

function HistoryWindow({
  documentId,
  versions,
  canRestore,
  onRestored,
}: {
  documentId: string;
  versions: Version[];
  canRestore: boolean;
  onRestored: () => void;
}) {
  const refs = versions.map((version) => String(version.number));
  // What changed since the last publish, by default.
  const [from, setFrom] = React.useState(refs[0] ?? '');
  const [to, setTo] = React.useState(DRAFT);
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box tag="section" aria-label="Các bản đã xuất bản">
        <Typography variant="delta" tag="h3">
          Các bản đã xuất bản
        </Typography>
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={3} data-testid="version-list">
          {versions.map((version) => (
            <Flex key={version.id} tag="li" gap={3} wrap="wrap" justifyContent="space-between" padding={3} hasRadius background="neutral100">
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Flex gap={2}>
                  <Badge>Bản {version.number}</Badge>
                  <Typography fontWeight="bold">{dateTime(version.madeAt)}</Typography>
                </Flex>
                <Typography variant="pi" textColor="neutral700">
                  Xuất bản bởi {version.madeByName || version.madeBy || 'không rõ'}
                  {version.madeBy && version.madeByName ? ` (${version.madeBy})` : ''}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {version.title}
                </Typography>
              </Flex>
              {canRestore && <RestoreButton documentId={documentId} version={version} onRestored={onRestored} />}
            </Flex>
          ))}
        </Flex>
      </Box>
      <Box tag="section" aria-label="So sánh hai bản">
        <Typography variant="delta" tag="h3">
          So sánh
        </Typography>
        <Flex gap={4} wrap="wrap" paddingTop={3} paddingBottom={4} alignItems="flex-end">
          <VersionSelect label="Bản cũ" value={from} options={[...refs, DRAFT]} onChange={setFrom} />
          <VersionSelect label="Bản mới" value={to} options={[...refs, DRAFT]} onChange={setTo} />
        </Flex>
        {from && <Comparison documentId={documentId} from={from} to={to} />}
      </Box>
    </Flex>
  );
}

function VersionHistory({ documentId, refreshKey }: { documentId: string; refreshKey: unknown }) {
  const [restores, setRestores] = React.useState(0);
  const { versions, error } = useVersions(documentId, `${String(refreshKey)}:${restores}`);
  const roles = useAuth('VersionHistory', (state) => state.user?.roles ?? []) as Array<{ code?: string }>;
  const canRestore = roles.some((role) => REVIEWER_ROLE_CODES.includes(role.code ?? ''));
  const dispatch = useDispatch();
  const [open, setOpen] = React.useState(false);
  const onRestored = () => {
    // The form shows the restored draft: the content manager's cached document is invalidated
    // (RTK Query tags of its documents service), as its own save does.
    dispatch({
      type: 'adminApi/invalidateTags',
      payload: [
        { type: 'Document', id: `${ARTICLE}_${documentId}` },
        { type: 'Document', id: `${ARTICLE}_LIST` },
      ],
    });
    setRestores((n) => n + 1);
    setOpen(false);
  };

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!versions) return <Typography textColor="neutral600">Đang tải…</Typography>;
  if (versions.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        Chưa xuất bản lần nào. Mỗi lần xuất bản, bản đăng lên trang được lưu ở đây.
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="version-panel">
        {versions.slice(0, 3).map((version) => (
          <Box key={version.id} tag="li">
            <Typography variant="pi" fontWeight="bold">
              Bản {version.number} · {dateTime(version.madeAt)}
            </Typography>
            <Typography variant="pi" tag="p" textColor="neutral600">
              {version.madeByName || version.madeBy}
            </Typography>
          </Box>
        ))}
      </Flex>
      <Modal.Root open={open} onOpenChange={setOpen}>
        <Modal.Trigger>
          <Button variant="secondary" fullWidth>
            Xem lịch sử, so sánh ({versions.length} bản)
          </Button>
        </Modal.Trigger>
        <Modal.Content style={{ maxWidth: 'min(960px, 100vw - 16px)', width: '100%' }}>
          <Modal.Header>
            <Modal.Title>Lịch sử xuất bản</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <HistoryWindow documentId={documentId} versions={versions} canRestore={canRestore} onRestored={onRestored} />
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Đóng</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </Flex>
  );
}

/** What the content manager passes to an edit-view side panel. */
interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string; status?: string };
}

/** Shown on a saved article's form; a new one has no history yet. */
export const HistoryPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== ARTICLE || !documentId || documentId === 'create') return null;
  return {
    title: 'Lịch sử xuất bản',
    content: <VersionHistory documentId={documentId} refreshKey={`${document?.updatedAt}|${document?.status}`} />,
  };
};
