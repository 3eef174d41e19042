namespace Maestro.Runtime.Storage.PostgreSql;

/// <summary>One numbered script of <c>deploy/sql/postgresql</c>, as embedded in the runtime.</summary>
/// <param name="Version">The number the file name starts with; the script records it in <c>schema_migrations</c>.</param>
/// <param name="Name">The file name without extension, e.g. <c>001-grain-state</c>.</param>
/// <param name="Sql">The script text.</param>
internal sealed record PostgreSqlSchemaScript(int Version, string Name, string Sql);
