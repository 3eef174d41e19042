global using Maestro.Runtime;
global using Maestro.Runtime.TestingHost;
global using Xunit;
