import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Flex, Link, Typography } from '@strapi/design-system';
import { ClockCounterClockwise } from '@strapi/icons';
import { useFetchClient, type StrapiApp } from '@strapi/strapi/admin';
import { reviewStateLabels } from '../newsroom/desk';
import { roleOptionLabels } from '../newsroom/roles';
import { vietnamese } from './translations/vi';
import { registerWorkflowActions } from './workflow-actions';
import { HistoryPanel } from './history-panel';

type RichTextBlocks = Record<string, unknown>;

/**
 * Enumerations are stored as codes (byline roles writer/editor/photographer/source, review states
 * nhap/cho-duyet/…) so code and the site can rely on them; the admin's enumeration select looks
 * each value up as a message id, so these entries are what editors see in those lists. Both
 * come from the newsroom vocabulary (src/newsroom/roles.ts, src/newsroom/desk.ts).
 */
const enumerationLabels = {
  vi: { ...roleOptionLabels('vi'), ...reviewStateLabels('vi') },
  en: { ...roleOptionLabels('en'), ...reviewStateLabels('en') },
};

/** Where Strapi keeps the admin's language (set by the login page's picker and the profile). */
const LANGUAGE_KEY = 'strapi-admin-language';

/** The live site's address of an article; the site serves articles under /tin-tuc/<slug>/. */
const articleUrl = (siteUrl: string, slug: string) => `${siteUrl.replace(/\/+$/, '')}/tin-tuc/${encodeURIComponent(slug)}/`;

/**
 * The site's address is the portal's own setting (Cấu hình cổng thông tin → baseUrl), read when
 * the form opens: the admin bundle is built once (in the image, or before tests pick their
 * ports), so an address baked in at build time would be wrong wherever the site moves.
 */
function SiteLink({ slug }: { slug: string }) {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const [siteUrl, setSiteUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    get<{ data?: { baseUrl?: string | null } }>('/content-manager/single-types/api::site-setting.site-setting')
      .then((res) => current && setSiteUrl(res.data.data?.baseUrl?.trim() || ''))
      .catch(() => current && setSiteUrl(''));
    return () => {
      current = false;
    };
  }, [get]);
  if (siteUrl === null) return null;
  if (!siteUrl) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: 'toa-soan.site-link.no-address' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Link href={articleUrl(siteUrl, slug)} isExternal>
        {formatMessage({ id: 'toa-soan.site-link.label' })}
      </Link>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: 'toa-soan.site-link.hint' })}
      </Typography>
    </Flex>
  );
}

/** What the content manager passes to an edit-view side panel (its PanelComponent props). */
interface PanelProps {
  model: string;
  document?: { status?: string; slug?: unknown };
}

/** Shown once the article has a published version: a draft has no page on the site yet. */
const SiteLinkPanel = ({ model, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  const slug = document?.slug;
  if (model !== 'api::article.article' || !document?.status || document.status === 'draft' || typeof slug !== 'string' || !slug) {
    return null;
  }
  return { title: formatMessage({ id: 'toa-soan.site-link.title' }), content: <SiteLink slug={slug} /> };
};

/** A list column as the content manager's inject-column-in-table hook passes it. */
interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => ReactNode;
}

/** "20/09/2025 09:00" (in the editor's language), where Strapi writes "lúc 09:00 Thứ Bảy, 20 tháng 9, 2025". */
function ShortDateTime({ value }: { value: unknown }) {
  const { formatDate } = useIntl();
  const text = typeof value === 'string' && value ? formatDate(value, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '-';
  return <Typography textColor="neutral800">{text}</Typography>;
}

/** The review state by its name ("Đã duyệt"), where the list would show the code. */
function ReviewCell({ row }: { row: Record<string, unknown> }) {
  const { formatMessage } = useIntl();
  const state = typeof row.reviewState === 'string' ? row.reviewState : 'nhap';
  return <Typography textColor="neutral800">{formatMessage({ id: state, defaultMessage: state })}</Typography>;
}

/** The publication date, and under it for a scheduled article when it goes out ("Hẹn 04/12 07:00"). */
function DateCell({ row, name }: { row: Record<string, unknown>; name: string }) {
  const { formatMessage, formatDate } = useIntl();
  const scheduledAt = typeof row.scheduledAt === 'string' && row.scheduledAt ? row.scheduledAt : null;
  return (
    <Flex direction="column" alignItems="flex-start">
      <ShortDateTime value={row[name]} />
      {name === 'publicationDate' && scheduledAt && (
        <Typography variant="pi" textColor="primary600" fontWeight="bold" data-scheduled-at={scheduledAt}>
          {formatMessage({ id: 'toa-soan.list.scheduled', defaultMessage: 'Hẹn {at}' }, { at: formatDate(scheduledAt, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }) })}
        </Typography>
      )}
    </Flex>
  );
}

/**
 * Date-and-time columns in short form: Strapi's long form takes a quarter of a 1,440 px screen
 * and pushes the status column (which Strapi always puts last) out of sight in the article list.
 * The review state column names the state; the publication date shows the schedule under it
 * (`scheduledAt` comes with every row of the list, shown or not), where a column of its own
 * would push the status out of a 1,440 px screen.
 */
const listColumns = ({ displayedHeaders, layout }: { displayedHeaders: ListHeader[]; layout: unknown }) => ({
  displayedHeaders: displayedHeaders.map((header) => {
    if (header.cellFormatter) return header;
    if (header.name === 'reviewState') return { ...header, cellFormatter: (row: Record<string, unknown>) => <ReviewCell row={row} /> };
    if (header.attribute?.type === 'datetime') return { ...header, cellFormatter: (row: Record<string, unknown>) => <DateCell row={row} name={header.name} /> };
    return header;
  }),
  layout,
});

/** The part of the content manager's extension API used here (the plugin object types it loosely). */
interface ContentManagerApis {
  addEditViewSidePanel(reducer: (panels: unknown[]) => unknown[]): void;
  addRichTextBlocks(update: (blocks: RichTextBlocks) => RichTextBlocks): void;
}

export default {
  config: {
    // English is built in; Vietnamese is what the newsroom works in.
    locales: ['vi'],
    translations: {
      vi: {
        ...vietnamese,
        ...enumerationLabels.vi,
        'toa-soan.site-link.title': 'Trên trang web',
        'toa-soan.audit.menu': 'Nhật ký biên tập',
        'toa-soan.list.scheduled': 'Hẹn {at}',
        'toa-soan.site-link.label': 'Xem trên trang',
        'toa-soan.site-link.hint': 'Trang web cập nhật bài vài phút sau khi xuất bản.',
        'toa-soan.site-link.no-address': 'Chưa có địa chỉ trang web: điền "baseUrl" trong Cấu hình cổng thông tin.',
        'Auth.form.welcome.title': 'Tòa soạn',
        'Auth.form.welcome.subtitle': 'Đăng nhập để viết và biên tập tin bài',
      },
      en: {
        ...enumerationLabels.en,
        'toa-soan.site-link.title': 'On the site',
        'toa-soan.audit.menu': 'Editorial log',
        'toa-soan.list.scheduled': 'Scheduled {at}',
        'toa-soan.site-link.label': 'View on the site',
        'toa-soan.site-link.hint': 'The site shows the article a few minutes after publishing.',
        'toa-soan.site-link.no-address': 'No site address yet: fill in "baseUrl" in the portal settings.',
        'Auth.form.welcome.title': 'Tòa soạn newsroom',
        'Auth.form.welcome.subtitle': 'Log in to write and edit articles',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The audit trail's own screen. The menu shows it to whoever reads the audit type (the
    // Trưởng ban and Super Admin); its route refuses everyone else (cms/src/workflow/admin-routes.ts).
    app.addMenuLink({
      to: 'toa-soan/nhat-ky',
      icon: ClockCounterClockwise,
      intlLabel: { id: 'toa-soan.audit.menu', defaultMessage: 'Nhật ký biên tập' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::audit-entry.audit-entry' }],
      Component: () => import('./audit-page'),
    });
    // Strapi opens in English unless this key says otherwise (it does not read the browser's
    // language). An editor who picks English on the login page or in the profile keeps it.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'vi');
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addEditViewSidePanel((panels) => [...panels, SiteLinkPanel, HistoryPanel]);
    // No "Hình ảnh" in the text editor: an inline image has no caption or credit field, so
    // publishing refuses it (src/documents/publishing-rules.ts); photos go in the "Ảnh" block.
    // The content manager's documented extension point, not a fork: the other blocks stay, and
    // an image already stored in a draft shows as an empty paragraph the editor can delete.
    contentManager.addRichTextBlocks(({ image: _inlineImage, ...blocks }) => blocks);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', listColumns);
    registerWorkflowActions(app);
  },
};
