/**
 * The portal has no reader accounts: users-permissions is there for the public role's API
 * permissions only. Its "User" content type would otherwise sit in every editor's content
 * manager sidebar as a technical type they cannot use, so it is hidden from the content
 * manager (the type, its table and the API stay as Strapi ships them).
 */
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { pluginOptions?: Record<string, unknown> } } };
}

export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  const schema = plugin.contentTypes.user.schema;
  schema.pluginOptions = { ...schema.pluginOptions, 'content-manager': { visible: false } };
  return plugin;
};
