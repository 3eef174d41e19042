global using Maestro.Gateway.Hosting;
global using Maestro.Runtime;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
