global using Maestro.Runtime;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
