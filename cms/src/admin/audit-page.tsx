import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, Pagination, useFetchClient, useIsMobile, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { AUDIT_ACTION_FILTERS, auditActionLabel, auditDetails, auditTime } from './audit-labels';

/**
 * "Nhật ký biên tập" (issue 15): the audit trail for the Trưởng ban and Super Admin, newest first,
 * filtered by article, user and action, a page at a time, with the CSV export. Filters and page
 * live in the address (?article=…&page=2), so a filtered view can be sent to a colleague. Read
 * from GET /admin/toa-soan/audit, which refuses anyone else (cms/src/workflow/admin-routes.ts).
 */
interface Entry {
  id: number;
  at: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectTitle: string | null;
  actor: string;
  actorName: string | null;
  actorRoles: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

interface Answer {
  data: Entry[];
  pagination: {
    page: number;
    pageSize: number;
    total: number;
    pageCount: number;
  };
  fieldLabels: Record<string, string>;
}

interface Filters {
  article?: string;
  user?: string;
  action?: string;
  page?: string;
  pageSize?: string;
}

const ARTICLE = 'api::article.article';

function errorText(error: unknown): string {
  const data = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data;
  return data?.error?.message ?? 'Không tải được nhật ký. Hãy thử lại.';
}

function FilterBar({ query, onApply }: { query: Filters; onApply: (next: Filters) => void }) {
  const [article, setArticle] = React.useState(query.article ?? '');
  const [user, setUser] = React.useState(query.user ?? '');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    onApply({
      article: article.trim() || undefined,
      user: user.trim() || undefined,
    });
  };
  return (
    <form onSubmit={submit} aria-label="Lọc nhật ký">
      <Flex gap={4} wrap="wrap" alignItems="flex-start">
        <Field.Root name="article" hint="Tên bài hoặc mã bài (documentId)" style={{ flex: '2 1 240px' }}>
          <Field.Label>Bài viết</Field.Label>
          <TextInput value={article} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setArticle(event.target.value)} />
          <Field.Hint />
        </Field.Root>
        <Field.Root name="user" hint="E-mail hoặc tên người thực hiện" style={{ flex: '1 1 200px' }}>
          <Field.Label>Người thực hiện</Field.Label>
          <TextInput value={user} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setUser(event.target.value)} />
          <Field.Hint />
        </Field.Root>
        <Field.Root name="action" hint="Tài khoản, vai trò: mọi thay đổi" style={{ flex: '1 1 200px' }}>
          <Field.Label>Thao tác</Field.Label>
          <SingleSelect
            value={query.action ?? ''}
            onChange={(value: string | number) => onApply({ action: String(value) || undefined })}
            placeholder="Tất cả thao tác"
            onClear={query.action ? () => onApply({ action: undefined }) : undefined}
          >
            {AUDIT_ACTION_FILTERS.map((option) => (
              <SingleSelectOption key={option.value} value={option.value}>
                {option.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
        <Box paddingTop={6}>
          <Button type="submit" variant="secondary" size="L">
            Lọc
          </Button>
        </Box>
      </Flex>
    </form>
  );
}

function Subject({ entry }: { entry: Entry }) {
  const title = entry.subjectTitle || entry.subjectId || '';
  if (entry.subjectType === ARTICLE && entry.subjectId && entry.action !== 'delete') {
    return (
      <RouterLink to={`/content-manager/collection-types/${ARTICLE}/${entry.subjectId}`} style={{ color: 'inherit' }}>
        <Typography textColor="primary600">{title}</Typography>
      </RouterLink>
    );
  }
  return <Typography>{title}</Typography>;
}

function ExportButton() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  // The export needs the admin's token, which a plain link would not send: fetched, then saved.
  const download = async () => {
    setBusy(true);
    try {
      const res = await get<Blob>('/admin/toa-soan/audit/export.csv', {
        responseType: 'blob',
      });
      const url = URL.createObjectURL(res.data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `nhat-ky-bien-tap-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<Download />} variant="secondary" onClick={download} loading={busy}>
      Xuất CSV
    </Button>
  );
}

const AuditPage = () => {
  const { get } = useFetchClient();
  const [{ query }, setQuery] = useQueryParams<Filters>({
    page: '1',
    pageSize: '25',
  });
  const [answer, setAnswer] = React.useState<Answer | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const isMobile = useIsMobile();
  const search = new URLSearchParams(
    Object.entries({
      page: query.page,
      pageSize: query.pageSize,
      article: query.article,
      user: query.user,
      action: query.action,
    }).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== ''),
  ).toString();

  React.useEffect(() => {
    let current = true;
    get<Answer>(`/admin/toa-soan/audit?${search}`)
      .then((res) => current && (setAnswer(res.data), setError(null)))
      .catch((err: unknown) => current && setError(errorText(err)));
    return () => {
      current = false;
    };
  }, [get, search]);

  // A new filter starts again from the first page; values left out keep what is set.
  // useQueryParams leaves encoding to its callers (a title may hold "&").
  const apply = (next: Filters) =>
    setQuery({
      ...Object.fromEntries(Object.entries(next).map(([key, value]) => [key, value === undefined ? undefined : encodeURIComponent(value)])),
      page: '1',
    } as Filters);

  return (
    <Page.Main>
      <Page.Title>Nhật ký biên tập</Page.Title>
      <Layouts.Header
        title="Nhật ký biên tập"
        subtitle={
          answer ? `${answer.pagination.total} mục. Ai làm gì, lúc nào, từ địa chỉ nào; nhật ký chỉ do hệ thống ghi, không sửa, không xóa được.` : undefined
        }
        primaryAction={<ExportButton />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <FilterBar key={search} query={query} onApply={apply} />
          </Box>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {answer && answer.data.length === 0 && (
            <Box background="neutral0" padding={6} hasRadius>
              <Typography textColor="neutral600">Không có mục nào khớp bộ lọc.</Typography>
            </Box>
          )}
          {answer && answer.data.length > 0 && (
            <>
              {isMobile ? (
                <Flex tag="ul" direction="column" alignItems="stretch" gap={2} aria-label="Nhật ký">
                  {answer.data.map((entry) => (
                    <Box key={entry.id} tag="li" background="neutral0" padding={4} hasRadius shadow="tableShadow" data-action={entry.action}>
                      <Flex justifyContent="space-between" gap={2} wrap="wrap">
                        <Typography fontWeight="bold">{auditActionLabel(entry.action)}</Typography>
                        <Typography variant="pi" textColor="neutral600">
                          {auditTime(entry.at)}
                        </Typography>
                      </Flex>
                      <Subject entry={entry} />
                      <Typography variant="pi" tag="p" textColor="neutral700">
                        {auditDetails(entry.details, answer.fieldLabels)}
                      </Typography>
                      <Typography variant="pi" tag="p" textColor="neutral600">
                        {entry.actorName || entry.actor} · {entry.actor}
                        {entry.ip ? ` · ${entry.ip}` : ''}
                      </Typography>
                    </Box>
                  ))}
                </Flex>
              ) : (
                <Table colCount={6} rowCount={answer.data.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">Thời gian</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Người thực hiện</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Thao tác</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Đối tượng</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Chi tiết</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Địa chỉ IP</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {answer.data.map((entry) => (
                      <Tr key={entry.id} data-action={entry.action}>
                        <Td>
                          <Typography style={{ whiteSpace: 'nowrap' }}>{auditTime(entry.at)}</Typography>
                        </Td>
                        <Td>
                          <Flex direction="column" alignItems="flex-start">
                            <Typography fontWeight="semiBold">{entry.actorName || entry.actor}</Typography>
                            <Typography variant="pi" textColor="neutral600">
                              {entry.actorName ? entry.actor : ''}
                              {entry.actorRoles ? ` · ${entry.actorRoles}` : ''}
                            </Typography>
                          </Flex>
                        </Td>
                        <Td>
                          <Typography>{auditActionLabel(entry.action)}</Typography>
                        </Td>
                        <Td style={{ whiteSpace: 'normal', maxWidth: 320 }}>
                          <Subject entry={entry} />
                        </Td>
                        <Td style={{ whiteSpace: 'normal', maxWidth: 320 }}>
                          <Typography variant="pi" textColor="neutral700">
                            {auditDetails(entry.details, answer.fieldLabels)}
                          </Typography>
                        </Td>
                        <Td>
                          <Typography variant="pi">{entry.ip ?? <VisuallyHidden>không có</VisuallyHidden>}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
              <Pagination.Root pageCount={answer.pagination.pageCount} total={answer.pagination.total} defaultPageSize={25}>
                <Pagination.PageSize options={['10', '25', '50', '100']} />
                <Pagination.Links />
              </Pagination.Root>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AuditPage;
