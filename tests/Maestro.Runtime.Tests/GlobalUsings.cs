global using Maestro.Runtime;
global using Maestro.Runtime.TestingHost;
global using Xunit;
global using Microsoft.Extensions.DependencyInjection;
global using Maestro.Runtime.Configuration;
global using Maestro.Runtime.Hosting;
global using Microsoft.Extensions.Options;
