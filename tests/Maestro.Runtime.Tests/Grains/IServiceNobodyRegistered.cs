namespace Maestro.Runtime.Tests.Grains;

public interface IServiceNobodyRegistered;
