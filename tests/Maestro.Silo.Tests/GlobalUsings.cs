global using System.Diagnostics;
global using System.Net;
global using System.Text.Json;
global using Maestro.Silo.Tests.Infrastructure;
global using Xunit;
