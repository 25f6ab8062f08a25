/**
 * Bylines on the site: the newsroom's grouping, order and labels (@toa-soan/cms/newsroom/byline),
 * with each name linked to its person page when it names a person known to the CMS.
 */
import type { BylineGroup as NewsroomBylineGroup } from '@toa-soan/cms/newsroom/byline';

export { groupByline } from '@toa-soan/cms/newsroom/byline';

export interface BylineName {
  name: string;
  /** Person page, when the credit names a person known to the CMS. */
  href: string | null;
}

export type BylineGroup = NewsroomBylineGroup<BylineName>;
