global using Maestro.Grains.Tests.Infrastructure;
global using Maestro.Runtime;
global using Maestro.Runtime.TestingHost;
global using Xunit;
