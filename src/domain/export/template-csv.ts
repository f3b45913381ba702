// The dataset in the project's own template (src/domain/import/template.ts): every site with its
// menus, one row per menu, and outreach menus on rows of their own. Importing the result gives the
// same sites, menus and organizations back (round-trip.test.ts).
import type { Dataset } from '../model';
import { templateCsvText, templateRecord, type TemplateColumn } from '../import/template';

export function exportTemplateCsv(dataset: Dataset): string {
  const orgs = new Map(dataset.organizations.map((o) => [o.id, o]));
  const menusBySite = new Map<string, Dataset['menus']>();
  for (const m of dataset.menus) {
    if (m.siteId === null) continue;
    const list = menusBySite.get(m.siteId);
    if (list) list.push(m);
    else menusBySite.set(m.siteId, [m]);
  }
  const records: Record<TemplateColumn, string>[] = [];
  for (const site of dataset.sites) {
    const org = orgs.get(site.orgId) ?? null;
    const menus = menusBySite.get(site.id) ?? [];
    if (menus.length === 0) records.push(templateRecord(org, site, null));
    for (const menu of menus) records.push(templateRecord(org, site, menu));
  }
  for (const menu of dataset.menus)
    if (menu.siteId === null) records.push(templateRecord(orgs.get(menu.orgId) ?? null, null, menu));
  return templateCsvText(records);
}
