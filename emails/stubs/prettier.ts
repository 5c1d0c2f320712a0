/**
 * Stands in for prettier in the Worker bundle (wrangler.toml [alias]): @react-email/render
 * imports it at the top for its `pretty` option, which zusammen never uses. Saves ~250 KiB.
 */
export function format(): never {
  throw new Error("prettier is not bundled: do not call render() with { pretty: true }");
}
export default {};
